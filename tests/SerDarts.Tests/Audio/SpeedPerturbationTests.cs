using SerDarts.Audio;
using SerDarts.Audio.Augmentation;
using static SerDarts.Tests.Audio.ToneAnalysis;

namespace SerDarts.Tests.Audio;

public class SpeedPerturbationTests
{
    [Theory]
    [InlineData(0.9)]
    [InlineData(1.1)]
    [InlineData(0.95)]
    [InlineData(1.23)]
    public void Duration_is_divided_by_the_factor(double factor)
    {
        var clip = new AudioClip(Sine(440, 16000, 20000), 16000);
        var faster = new SpeedPerturbation(factor).Apply(clip);
        Assert.Equal(16000, faster.SampleRate);
        // Playing factor times faster takes 1/factor of the time (to the sample).
        Assert.InRange(faster.DurationSeconds, clip.DurationSeconds / factor - 1.0 / 16000, clip.DurationSeconds / factor + 1.0 / 16000);
    }

    [Theory]
    [InlineData(0.9)]
    [InlineData(1.1)]
    public void A_tone_moves_by_the_factor(double factor)
    {
        var faster = new SpeedPerturbation(factor).Apply(new AudioClip(Sine(440, 16000, 16000), 16000));
        int n = faster.Samples.Length;
        double hz = DominantFrequency(faster.Samples, 16000, 200, 1000, n / 8, 7 * n / 8);
        Assert.InRange(hz, 440 * factor * 0.9995, 440 * factor * 1.0005);
    }

    [Fact]
    public void The_input_is_left_unchanged_and_the_level_kept()
    {
        var samples = Sine(440, 16000, 16000);
        var copy = (float[])samples.Clone();
        var faster = new SpeedPerturbation(1.1).Apply(new AudioClip(samples, 16000));
        Assert.Equal(copy, samples);
        int n = faster.Samples.Length;
        double rms = Math.Sqrt(MeanSquare(faster.Samples.AsSpan(n / 4, n / 2)));
        Assert.InRange(20 * Math.Log10(rms / (0.5 / Math.Sqrt(2))), -0.1, 0.1);
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(0.4)]
    [InlineData(2.5)]
    [InlineData(double.NaN)]
    public void Factors_outside_the_range_or_equal_to_one_are_rejected(double factor)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new SpeedPerturbation(factor));
        Assert.Contains("speed factor", e.Message);
    }

    [Fact]
    public void Canonical_string_names_the_factor()
    {
        Assert.Equal("speed(factor=0.9)", new SpeedPerturbation(0.9).CanonicalString());
        Assert.NotEqual(new SpeedPerturbation(0.9).CanonicalString(), new SpeedPerturbation(1.1).CanonicalString());
    }
}
