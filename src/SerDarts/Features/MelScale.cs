namespace SerDarts.Features;

/// <summary>Hz-to-mel mapping of the mel filterbank.</summary>
public enum MelScale
{
    /// <summary>2595 * log10(1 + f / 700) (HTK).</summary>
    Htk,

    /// <summary>Linear below 1 kHz (3 mels per 200 Hz), logarithmic above (Slaney's Auditory Toolbox, librosa's default).</summary>
    Slaney,
}

/// <summary>Normalisation of the mel filters.</summary>
public enum MelNorm
{
    /// <summary>Triangles of peak 1.</summary>
    None,

    /// <summary>Each triangle divided by its width in Hz (constant energy per band, "area" normalisation).</summary>
    Slaney,
}

/// <summary>How the signal is extended by n_fft/2 samples on each side when frames are centred.</summary>
public enum PadMode
{
    /// <summary>Zeros.</summary>
    Constant,

    /// <summary>Mirror without repeating the edge sample (numpy/torch "reflect").</summary>
    Reflect,
}
