namespace SerDarts.Audio;

/// <summary>Loads audio files at the working sample rate.</summary>
public static class AudioFile
{
    /// <summary>The working rate of SerDarts' features.</summary>
    public const int DefaultSampleRate = 16000;

    /// <summary>Reads a WAV file (mono mix-down) and resamples it to <paramref name="targetRate"/> when needed.</summary>
    public static AudioClip Load(string path, int targetRate = DefaultSampleRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(targetRate);
        return Resampler.Resample(WavReader.Read(path), targetRate);
    }
}
