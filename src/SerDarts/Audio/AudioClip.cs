namespace SerDarts.Audio;

/// <summary>Mono audio in [-1, 1] at a known sample rate.</summary>
public sealed record AudioClip(float[] Samples, int SampleRate)
{
    public double DurationSeconds => (double)Samples.Length / SampleRate;
}
