namespace SerDarts.Audio;

/// <summary>
/// Band-limited sample-rate conversion: a polyphase Kaiser-windowed sinc filter (64 zero crossings,
/// cutoff at 94.5% of the lower Nyquist frequency, beta 12: about 115 dB of stopband attenuation).
/// </summary>
public static class Resampler
{
    /// <summary>Converts <paramref name="samples"/> from <paramref name="fromRate"/> to <paramref name="toRate"/> Hz.</summary>
    public static float[] Resample(float[] samples, int fromRate, int toRate)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(fromRate);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(toRate);
        if (fromRate == toRate)
            return (float[])samples.Clone();
        return new PolyphaseFilter(fromRate, toRate).Apply(samples);
    }

    /// <summary>Resamples a clip; returns it unchanged when it is already at <paramref name="toRate"/>.</summary>
    public static AudioClip Resample(AudioClip clip, int toRate) =>
        clip.SampleRate == toRate ? clip : new AudioClip(Resample(clip.Samples, clip.SampleRate, toRate), toRate);

    /// <summary>Samples produced for <paramref name="inputLength"/> inputs: ceil(n * toRate / fromRate).</summary>
    public static long OutputLength(long inputLength, int fromRate, int toRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(inputLength);
        long g = PolyphaseFilter.Gcd(fromRate, toRate), up = toRate / g, down = fromRate / g;
        return (inputLength * up + down - 1) / down;
    }
}
