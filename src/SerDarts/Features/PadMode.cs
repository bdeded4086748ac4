namespace SerDarts.Features;

/// <summary>How the signal is extended by n_fft/2 samples on each side when frames are centred.</summary>
public enum PadMode
{
    /// <summary>Zeros.</summary>
    Constant,

    /// <summary>Mirror without repeating the edge sample (numpy/torch "reflect").</summary>
    Reflect,
}
