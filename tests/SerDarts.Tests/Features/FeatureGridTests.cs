using SerDarts.Features;
using static SerDarts.Tests.Features.FeatureFixtures;

namespace SerDarts.Tests.Features;

/// <summary>The fixed-size rule against grids torchaudio computed by the same documented rule (Fixtures/make_fixtures.py).</summary>
public class FeatureGridTests
{
    public static TheoryData<string, string> Grids()
    {
        var data = new TheoryData<string, string>();
        foreach (var clip in new[] { "speech", "long" })
            foreach (var grid in new[] { "paper_mfcc", "paper_logmel", "small_mfcc", "small_logmel" })
                data.Add(clip, grid);
        return data;
    }

    [Theory]
    [MemberData(nameof(Grids))]
    public void Grid_matches_torchaudio_under_the_documented_crop_pad_and_pool_rule(string clip, string grid)
    {
        var parts = grid.Split('_');
        var spec = FeatureSpec.FromName(parts[0], FeatureKinds.Parse(parts[1]));
        var samples = clip == "long" ? LongClip() : Samples("speech.wav");
        using var features = new FeatureGrid(spec);
        using var result = features.Compute([samples]);
        Assert.Equal(new long[] { 1, 1, spec.Rows, spec.Frames }, result.shape);
        var actual = ToMatrix(result[0, 0]);
        var error = RelativeError(actual, FeatureCsv.Read(Local($"grid.{clip}.{grid}.csv")));
        Assert.True(error <= 1e-4, $"{clip} {grid}: relative error {error:E2}");
    }

    [Fact]
    public void Clips_in_one_batch_get_the_grids_they_get_alone()
    {
        var spec = FeatureSpec.Small(FeatureKind.Mfcc);
        using var grid = new FeatureGrid(spec);
        var clips = new[] { Samples("speech.wav"), LongClip(), Samples("noise.wav") };
        using var batch = grid.Compute(clips);
        for (int i = 0; i < clips.Length; i++)
        {
            using var alone = grid.Compute([clips[i]]);
            Assert.True(batch[i].allclose(alone[0], rtol: 1e-5, atol: 1e-4), $"clip {i} differs in a batch");
        }
    }

    [Fact]
    public void Deltas_add_two_channels_matching_torchaudio_compute_deltas()
    {
        var spec = FeatureSpec.Paper(FeatureKind.Mfcc) with { Deltas = true };
        using var grid = new FeatureGrid(spec);
        using var result = grid.Compute([Samples("speech.wav")]);
        Assert.Equal(new long[] { 1, 3, 128, 128 }, result.shape);
        Assert.True(result[0, 0].allclose(ToTensor(FeatureCsv.Read(Local("grid.speech.paper_mfcc.csv"))), rtol: 1e-4, atol: 1e-2));
        // Deltas of the padded window differ from those of the full-length clip only near the clip's end.
        using var extractor = new FeatureExtractor(FeaturePreset.Paper);
        var expected = FeatureCsv.Read(Local("deltas.speech.paper_mfcc.csv"));
        int frames = expected.GetLength(1) - 2;
        var actual = ToMatrix(result[0, 1].narrow(1, 0, frames));
        var reference = new double[128, frames];
        for (int r = 0; r < 128; r++) for (int f = 0; f < frames; f++) reference[r, f] = expected[r, f];
        Assert.True(RelativeError(actual, reference) <= 1e-4);
    }

    internal static double[,] ToMatrix(TorchSharp.torch.Tensor m)
    {
        var values = m.to(TorchSharp.torch.ScalarType.Float64).contiguous().data<double>().ToArray();
        var result = new double[m.shape[0], m.shape[1]];
        Buffer.BlockCopy(values, 0, result, 0, values.Length * sizeof(double));
        return result;
    }

    internal static TorchSharp.torch.Tensor ToTensor(double[,] m) =>
        TorchSharp.torch.tensor(m, dtype: TorchSharp.torch.ScalarType.Float32);
}
