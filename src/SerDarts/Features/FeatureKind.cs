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

/// <summary>Parsing and canonical names of <see cref="FeatureKind"/>.</summary>
public static class FeatureKinds
{
    /// <summary>"spectrogram", "logmel" (also "log_mel", "log-mel", "log_mel_db") or "mfcc".</summary>
    public static FeatureKind Parse(string name) => name.Trim().ToLowerInvariant() switch
    {
        "spectrogram" or "power_spectrogram" or "spec" => FeatureKind.Spectrogram,
        "logmel" or "log_mel" or "log-mel" or "log_mel_db" or "mel" => FeatureKind.LogMel,
        "mfcc" => FeatureKind.Mfcc,
        _ => throw new ArgumentException($"unknown feature kind '{name}': use spectrogram, logmel or mfcc"),
    };

    /// <summary>The lower-case name used on the command line and in canonical spec strings.</summary>
    public static string Name(this FeatureKind kind) => kind switch
    {
        FeatureKind.Spectrogram => "spectrogram",
        FeatureKind.LogMel => "logmel",
        FeatureKind.Mfcc => "mfcc",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
