using SerDarts.Features;
using static TorchSharp.torch;

namespace SerDarts.Tests.Features;

public class FeatureNormalizerTests
{
    // 2 utterances x 1 channel x 2 rows x 3 frames, values chosen by hand.
    private static readonly float[] TrainValues = [1, 2, 3, 10, 10, 10, 3, 4, 5, 20, 30, 40];

    private static FeatureSet Set(float[] values, int n) =>
        new(tensor(values, [n, 1, 2, 3]), new long[n], Enumerable.Range(0, n).Select(i => $"u{i}").ToArray());

    [Fact]
    public void Training_statistics_are_per_row_over_utterances_and_frames()
    {
        using var train = Set(TrainValues, 2);
        var norm = FeatureNormalizer.FitOnTraining(train);
        // row 0: 1,2,3,3,4,5 -> mean 3, population variance (4+1+0+0+1+4)/6 = 10/6
        // row 1: 10,10,10,20,30,40 -> mean 20, variance (100*3+0+100+400)/6 = 800/6
        Assert.Equal([3.0, 20.0], norm.Mean.Select(m => Math.Round(m, 9)));
        Assert.Equal(Math.Sqrt(10.0 / 6), norm.Std[0], 9);
        Assert.Equal(Math.Sqrt(800.0 / 6), norm.Std[1], 9);
    }

    [Fact]
    public void Test_data_never_changes_the_training_statistics()
    {
        using var train = Set(TrainValues, 2);
        var norm = FeatureNormalizer.FitOnTraining(train);
        var mean = norm.Mean.ToArray();
        var std = norm.Std.ToArray();
        using var test = Set([100, 200, 300, -5, -5, -5], 1);
        using var normalised = norm.Apply(test);
        Assert.Equal(mean, norm.Mean);
        Assert.Equal(std, norm.Std);
        // The test utterance is standardised with the training statistics, not its own.
        var values = normalised.Inputs.data<float>().ToArray();
        Assert.Equal((100 - 3) / Math.Sqrt(10.0 / 6), values[0], 3);
        Assert.Equal((-5 - 20) / Math.Sqrt(800.0 / 6), values[3], 4);
        // Refitting on the same training data after seeing the test set gives the same statistics.
        Assert.Equal(mean, FeatureNormalizer.FitOnTraining(train).Mean);
    }

    [Fact]
    public void Per_utterance_normalisation_gives_each_row_zero_mean_and_unit_std()
    {
        using var set = Set(TrainValues, 2);
        using var normalised = FeatureNormalizer.PerUtterance().Apply(set);
        var x = normalised.Inputs.to(ScalarType.Float64);
        var rowMeans = x.mean([3]).data<double>().ToArray();
        Assert.All(rowMeans, m => Assert.Equal(0.0, m, 6));
        // Row 1 of utterance 0 is constant: the std floor keeps it finite (all zeros).
        var values = normalised.Inputs.data<float>().ToArray();
        Assert.Equal([0f, 0f, 0f], values[3..6]);
        Assert.Equal(-Math.Sqrt(1.5), values[0], 5); // (1 - 2) / sqrt(2/3)
    }

    [Fact]
    public void Statistics_survive_a_json_round_trip()
    {
        using var train = Set(TrainValues, 2);
        var norm = FeatureNormalizer.FitOnTraining(train);
        var back = FeatureNormalizer.FromJson(norm.ToJson());
        Assert.Equal(norm.Mean, back.Mean);
        Assert.Equal(norm.Std, back.Std);
        Assert.Equal(NormalizationMode.TrainingFold, back.Mode);
    }

    [Fact]
    public void Statistics_for_another_grid_are_refused()
    {
        using var train = Set(TrainValues, 2);
        var norm = FeatureNormalizer.FitOnTraining(train);
        using var other = zeros(1, 1, 3, 3);
        Assert.Throws<ArgumentException>(() => norm.Apply(other));
    }
}
