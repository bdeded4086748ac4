namespace SerDarts.Features;

/// <summary>Hz-to-mel mapping of the mel filterbank.</summary>
public enum MelScale
{
    /// <summary>2595 * log10(1 + f / 700) (HTK).</summary>
    Htk,

    /// <summary>Linear below 1 kHz (3 mels per 200 Hz), logarithmic above (Slaney's Auditory Toolbox, librosa's default).</summary>
    Slaney,
}
