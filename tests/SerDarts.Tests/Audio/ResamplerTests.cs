using SerDarts.Audio;

namespace SerDarts.Tests.Audio;

public class ResamplerTests
{
    private static float[] Sine(double hz, int rate, double seconds, double amplitude = 0.5, double phase = 0) =>
        Enumerable.Range(0, (int)(rate * seconds)).Select(n => (float)(amplitude * Math.Sin(2 * Math.PI * hz * n / rate + phase))).ToArray();

    /// <summary>Least-squares fit of a*cos + b*sin at a known frequency over the middle half of the signal
    /// (away from the zero-padded edges); returns the amplitude and the energy the fit leaves unexplained.</summary>
    private static (double Amplitude, double ResidualRatio) FitTone(float[] y, double hz, int rate)
    {
        int from = y.Length / 4, to = 3 * y.Length / 4;
        double cc = 0, ss = 0, cs = 0, yc = 0, ys = 0, total = 0;
        for (int n = from; n < to; n++)
        {
            double c = Math.Cos(2 * Math.PI * hz * n / rate), s = Math.Sin(2 * Math.PI * hz * n / rate);
            cc += c * c; ss += s * s; cs += c * s; yc += y[n] * c; ys += y[n] * s; total += (double)y[n] * y[n];
        }
        double det = cc * ss - cs * cs, a = (yc * ss - ys * cs) / det, b = (ys * cc - yc * cs) / det;
        double residual = 0;
        for (int n = from; n < to; n++)
        {
            double e = y[n] - a * Math.Cos(2 * Math.PI * hz * n / rate) - b * Math.Sin(2 * Math.PI * hz * n / rate);
            residual += e * e;
        }
        return (Math.Sqrt(a * a + b * b), residual / total);
    }

    private static double Db(double ratio) => 20 * Math.Log10(ratio);

    private static double Rms(float[] y, int from, int to) =>
        Math.Sqrt(y[from..to].Sum(v => (double)v * v) / (to - from));

    [Theory]
    [InlineData(48000, 16000)]
    [InlineData(44100, 16000)]
    [InlineData(22050, 16000)]
    [InlineData(8000, 16000)]
    [InlineData(44099, 16000)] // coprime rates: the interpolated-kernel path
    public void A_1kHz_sine_keeps_its_level_within_0_1_dB(int from, int to)
    {
        var y = Resampler.Resample(Sine(1000, from, 1.0), from, to);
        var (amplitude, residual) = FitTone(y, 1000, to);
        Assert.InRange(Db(amplitude / 0.5), -0.1, 0.1);
        Assert.True(residual < 1e-6, $"residual {Db(Math.Sqrt(residual)):F1} dB");
    }

    [Fact]
    public void A_7_5kHz_tone_from_48kHz_leaves_less_than_minus_60_dB_elsewhere()
    {
        var y = Resampler.Resample(Sine(7500, 48000, 1.0), 48000, 16000);
        var (_, residual) = FitTone(y, 7500, 16000);
        Assert.True(10 * Math.Log10(residual) < -60, $"energy outside 7.5 kHz: {10 * Math.Log10(residual):F1} dB");
    }

    [Theory]
    [InlineData(9000)]  // would alias to 7 kHz
    [InlineData(12000)] // would alias to 4 kHz
    [InlineData(20000)]
    public void Tones_above_the_new_Nyquist_are_removed(double hz)
    {
        var y = Resampler.Resample(Sine(hz, 48000, 1.0), 48000, 16000);
        double level = Rms(y, y.Length / 4, 3 * y.Length / 4) / (0.5 / Math.Sqrt(2));
        Assert.True(Db(level) < -60, $"{hz} Hz leaked at {Db(level):F1} dB");
    }

    [Fact]
    public void Upsampling_leaves_no_image_above_the_old_Nyquist()
    {
        var y = Resampler.Resample(Sine(1000, 8000, 1.0), 8000, 16000);
        var (_, residual) = FitTone(y, 1000, 16000); // the 7 kHz image would stay in the residual
        Assert.True(10 * Math.Log10(residual) < -60);
    }

    [Fact]
    public void Output_is_time_aligned_with_the_input()
    {
        // A slow sine sampled at the output instants n / 16000 s is what a delay-free resampler must produce.
        var y = Resampler.Resample(Sine(100, 44100, 0.5, 0.8, 0.3), 44100, 16000);
        var expected = Sine(100, 16000, 0.5, 0.8, 0.3);
        for (int n = 2000; n < 6000; n++)
            Assert.True(Math.Abs(y[n] - expected[n]) < 1e-4, $"sample {n}: {y[n]} vs {expected[n]}");
    }

    [Fact]
    public void Constant_signal_keeps_its_value_away_from_the_edges()
    {
        var y = Resampler.Resample(Enumerable.Repeat(0.7f, 44100).ToArray(), 44100, 16000);
        Assert.All(y[2000..14000], v => Assert.InRange(v, 0.7 - 1e-4, 0.7 + 1e-4));
    }

    [Theory]
    [InlineData(48000, 48000, 16000, 16000)]
    [InlineData(44100, 44100, 16000, 16000)]
    [InlineData(1, 48000, 16000, 1)]
    [InlineData(10, 8000, 16000, 20)]
    [InlineData(7, 22050, 16000, 6)] // ceil(7 * 320 / 441) = ceil(5.08)
    [InlineData(0, 48000, 16000, 0)]
    public void Output_length_is_the_ceiling_of_the_rate_ratio(int n, int from, int to, int expected)
    {
        Assert.Equal(expected, Resampler.OutputLength(n, from, to));
        Assert.Equal(expected, Resampler.Resample(new float[n], from, to).Length);
    }

    [Fact]
    public void Same_rate_returns_an_equal_copy()
    {
        var x = new[] { 0.1f, -0.2f, 0.3f };
        var y = Resampler.Resample(x, 16000, 16000);
        Assert.Equal(x, y);
        Assert.NotSame(x, y);
    }

    [Fact]
    public void Non_positive_rates_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Resampler.Resample(new float[4], 0, 16000));
        Assert.Throws<ArgumentOutOfRangeException>(() => Resampler.Resample(new float[4], 16000, -1));
    }
}
