namespace SerDarts.Features;

/// <summary>What a feature matrix holds.</summary>
public enum FeatureKind
{
    /// <summary>
    /// Linear power spectrogram |STFT|^2 (frequency bins x frames) for <c>features dump</c>. As a network
    /// input (<see cref="FeatureSpec"/>) the spectrogram ablation uses the log-mel spectrogram instead, so
    /// the grid stays the MFCC's and only the kind of feature changes.
    /// </summary>
    Spectrogram,

    /// <summary>Log-mel spectrogram in dB: 10*log10(max(mel, 1e-10)), clipped at (max over the clip - top_db).</summary>
    LogMel,

    /// <summary>Orthonormal DCT-II of the log-mel spectrogram over the mel axis, first n_mfcc coefficients.</summary>
    Mfcc,
}
