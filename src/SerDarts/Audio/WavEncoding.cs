namespace SerDarts.Audio;

/// <summary>How the samples of a WAV file are stored.</summary>
public enum WavEncoding
{
    /// <summary>Integer PCM: unsigned 8-bit, signed 16/24/32-bit.</summary>
    Pcm,

    /// <summary>IEEE float, 32 or 64 bits.</summary>
    Float,
}
