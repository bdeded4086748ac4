using SerDarts.Audio;
using SerDarts.Audio.Augmentation;
using static SerDarts.Tests.Audio.ToneAnalysis;

namespace SerDarts.Tests.Audio;

public class AdditiveNoiseTests
{
    /// <summary>A speech-like test signal: two tones under a slow envelope (not stationary, so power is a clip average).</summary>
    private static AudioClip Signal(int seed = 0) => new(Enumerable.Range(0, 24000).Select(n =>
        (float)((0.3 + 0.2 * Math.Sin(2 * Math.PI * 3 * n / 16000.0 + seed)) *
                (Math.Sin(2 * Math.PI * 220 * n / 16000.0) + 0.4 * Math.Sin(2 * Math.PI * 1330 * n / 16000.0)))).ToArray(), 16000);

    [Theory]
    [InlineData(-5.0)]
    [InlineData(0.0)]
    [InlineData(5.0)]
    [InlineData(10.0)]
    [InlineData(20.0)]
    [InlineData(40.0)]
    public void Measured_snr_is_within_half_a_dB_of_the_target(double snr)
    {
        var clean = Signal();
        var noisy = new AdditiveNoise(snr, seed: 7).Apply(clean);
        Assert.Equal(clean.Samples.Length, noisy.Samples.Length);
        var noise = noisy.Samples.Zip(clean.Samples, (y, x) => y - x).ToArray();
        double measured = 10 * Math.Log10(MeanSquare(clean.Samples) / MeanSquare(noise));
        Assert.InRange(measured, snr - 0.5, snr + 0.5);
    }

    [Fact]
    public void Noise_is_zero_mean_white_and_gaussian()
    {
        var clean = Signal();
        var noisy = new AdditiveNoise(0, seed: 3).Apply(clean);
        var e = noisy.Samples.Zip(clean.Samples, (y, x) => (double)y - x).ToArray();
        double mean = e.Average(), variance = e.Sum(v => (v - mean) * (v - mean)) / e.Length;
        double lag1 = Enumerable.Range(1, e.Length - 1).Sum(i => (e[i] - mean) * (e[i - 1] - mean)) / (e.Length * variance);
        double kurtosis = e.Sum(v => Math.Pow(v - mean, 4)) / e.Length / (variance * variance);
        double sd = Math.Sqrt(variance);
        Assert.InRange(mean / sd, -0.03, 0.03);          // 24000 samples: standard error of the mean 0.0065 sd
        Assert.InRange(lag1, -0.03, 0.03);               // white: standard error 0.0065
        Assert.InRange(kurtosis, 2.85, 3.15);            // Gaussian: 3 (standard error about 0.03)
    }

    [Fact]
    public void Same_seed_and_clip_repeat_and_other_seeds_or_clips_differ()
    {
        var clean = Signal();
        var a = new AdditiveNoise(10, seed: 1).Apply(clean).Samples;
        Assert.Equal(a, new AdditiveNoise(10, seed: 1).Apply(clean).Samples);
        Assert.NotEqual(a, new AdditiveNoise(10, seed: 2).Apply(clean).Samples);
        var other = Signal(seed: 1);
        var noiseA = a.Zip(clean.Samples, (y, x) => y - x).ToArray();
        var noiseB = new AdditiveNoise(10, seed: 1).Apply(other).Samples.Zip(other.Samples, (y, x) => y - x).ToArray();
        double correlation = noiseA.Zip(noiseB, (p, q) => (double)p * q).Sum() /
                             Math.Sqrt(noiseA.Sum(p => (double)p * p) * noiseB.Sum(q => (double)q * q));
        Assert.InRange(correlation, -0.05, 0.05); // another clip draws other noise
    }

    [Fact]
    public void A_silent_clip_is_returned_unchanged()
    {
        var silent = new AudioClip(new float[1000], 16000);
        Assert.All(new AdditiveNoise(10, 1).Apply(silent).Samples, v => Assert.Equal(0f, v));
    }

    [Fact]
    public void Canonical_string_names_snr_and_seed()
    {
        Assert.Equal("noise(kind=white-gaussian,snr_db=20,seed=5)", new AdditiveNoise(20, 5).CanonicalString());
        Assert.NotEqual(new AdditiveNoise(20, 5).CanonicalString(), new AdditiveNoise(20, 6).CanonicalString());
        Assert.NotEqual(new AdditiveNoise(20, 5).CanonicalString(), new AdditiveNoise(10, 5).CanonicalString());
        Assert.Throws<ArgumentOutOfRangeException>(() => new AdditiveNoise(double.PositiveInfinity, 0));
    }
}
