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
