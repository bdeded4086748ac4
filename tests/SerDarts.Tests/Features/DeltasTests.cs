using SerDarts.Features;
using static SerDarts.Tests.Features.FeatureFixtures;
using static TorchSharp.torch;

namespace SerDarts.Tests.Features;

public class DeltasTests
{
    [Fact]
    public void Deltas_of_a_ramp_are_its_slope_inside_and_repeat_the_edges()
    {
        // d[t] = sum_k k (x[t+k] - x[t-k]) / 10 for n = 2; edges repeat x[0] and x[4].
        using var ramp = tensor(new float[] { 0, 1, 2, 3, 4 }).view(1, 5);
        using var d = Deltas.Compute(ramp);
        Assert.Equal(new[] { 0.5f, 0.8f, 1f, 0.8f, 0.5f }, d.data<float>().ToArray().Select(v => MathF.Round(v, 5)));
    }

    [Fact]
    public void Deltas_of_the_paper_mfcc_match_torchaudio()
    {
        using var extractor = new FeatureExtractor(FeaturePreset.Paper, dtype: ScalarType.Float64);
        var mfcc = extractor.ComputeMatrix(Samples("speech.wav"), FeatureKind.Mfcc);
        using var d = Deltas.Compute(tensor(mfcc));
        var error = RelativeError(FeatureGridTests.ToMatrix(d), FeatureCsv.Read(Local("deltas.speech.paper_mfcc.csv")));
        Assert.True(error <= 1e-4, $"relative error {error:E2}");
    }
}
