using SerDarts.Audio;
using SerDarts.Features;
using static SerDarts.Tests.Features.FeatureFixtures;

namespace SerDarts.Tests.Features;

/// <summary>
/// FeatureSpec.Emodarts against the authors' MFCC steps written out in numpy after librosa 0.9.2
/// (Fixtures/make_emodarts_fixtures.py; Debian 12 has no librosa package).
/// </summary>
public class EmodartsFeatureTests
{
    /// <summary>The generator's synthetic input (make_emodarts_fixtures.py: synthetic), float64 cast to float32.</summary>
    internal static float[] Synthetic(double seconds, int rate)
    {
        var x = new float[(int)Math.Round(seconds * rate)];
        long state = 12345;
        for (int n = 0; n < x.Length; n++)
        {
            double t = (double)n / rate;
            double phase = 2 * Math.PI * (140 * t - 30 / (2 * Math.PI * 0.7) * Math.Cos(2 * Math.PI * 0.7 * t));
            double voiced = 0;
            for (int k = 1; k <= 12; k++) voiced += 0.5 / k * Math.Sin(k * phase);
            double envelope = 0.5 - 0.5 * Math.Cos(2 * Math.PI * t / 1.5);
            double gate = Math.Floor(t / 0.75) % 4 == 3 ? 0.001 : 1.0;
            state = (1103515245 * state + 12345) % (1L << 31);
            double noise = (double)state / (1L << 31) * 2 - 1;
            x[n] = (float)((0.3 * envelope * voiced + 0.02 * noise) * gate);
        }
        return x;
    }

    [Theory]
    [InlineData("short", "mfcc", 3.0)]
    [InlineData("long", "mfcc", 9.0)]
    [InlineData("long", "logmel", 9.0)]
    public void Grid_matches_the_authors_librosa_steps(string clip, string kind, double seconds)
    {
        var spec = FeatureSpec.Emodarts(FeatureKinds.Parse(kind));
        using var grid = new FeatureGrid(spec);
        using var result = grid.Compute([Synthetic(seconds, 32750)]);
        Assert.Equal(new long[] { 1, 1, 128, 128 }, result.shape);
        var error = RelativeError(FeatureGridTests.ToMatrix(result[0, 0]), FeatureCsv.Read(Local($"grid.emodarts.{clip}_{kind}.csv")));
        Assert.True(error <= 1e-4, $"{clip} {kind}: relative error {error:E2}");
    }

    [Fact]
    public void Grid_of_16_kHz_audio_is_close_to_librosa_load_with_resampy()
    {
        // SerDarts' resampler (Kaiser sinc, beta 12, cutoff 94.5%) is not resampy's kaiser_best (beta 14.77,
        // rolloff 94.76%). The grid is sensitive to the filter where the transition band near 8 kHz meets the
        // top_db floor: measured against kaiser_best, SerDarts is at 1.8% relative error, resampy's own
        // kaiser_fast at 1.9%, scipy's resample_poly at 5.7%.
        var audio = Resampler.Resample(Synthetic(3.0, 16000), 16000, 32750);
        using var grid = new FeatureGrid(FeatureSpec.Emodarts(FeatureKind.Mfcc));
        using var result = grid.Compute([audio]);
        var error = RelativeError(FeatureGridTests.ToMatrix(result[0, 0]), FeatureCsv.Read(Local("grid.emodarts.resampled_mfcc.csv")));
        Assert.True(error <= 3e-2, $"relative error {error:E2}");
    }

    [Fact]
    public void The_window_is_the_first_eight_seconds_at_the_authors_rate()
    {
        var spec = FeatureSpec.Emodarts(FeatureKind.Mfcc);
        spec.Validate();
        Assert.Equal((32750, 16375.0, PadMode.Constant), (spec.Preset.SampleRate, spec.Preset.FMax, spec.Preset.PadMode));
        Assert.Equal(262000, spec.WindowSamples);
        Assert.Equal(512, spec.Preset.FrameCount(spec.WindowSamples)); // 1 + 262000 / 512 centred frames
        Assert.Equal((128, 128, 4), (spec.Rows, spec.Frames, spec.TimePool));
        Assert.EndsWith("|window=first,zero-pad-end,samples=262000", spec.CanonicalString());
        Assert.Equal(spec, FeatureSpec.FromName("emodarts", FeatureKind.Mfcc));
        Assert.Equal(FeaturePreset.Emodarts, FeaturePreset.FromName("EmoDARTS"));
        var e = Assert.Throws<ArgumentException>((spec with { Samples = 200000 }).Validate);
        Assert.Contains("gives 391 centred frames, not Frames * TimePool = 512", e.Message);
    }
}
