using SerDarts.Features;
using SerDarts.Networks;
using SerDarts.Training;

namespace SerDarts.Tests.Training;

/// <summary>The classical baseline through the networks' own training path (<see cref="TrainRun"/>).</summary>
[Collection(TorchSerialCollection.Name)]
public class LinearModelTests
{
    private static readonly NetworkSpec Linear = new() { Kind = NetworkKinds.Linear };

    private static TrainResult Train(FeatureSet train, FeatureSet validation, FeatureSet test, string name, NetworkSpec? network = null) =>
        TrainRun.Execute(TinySetups.TrainRun(network ?? Linear, null, TinySetups.Training with { BatchSize = 16 }), TinySetups.Cpu,
            train, validation, test, TinySetups.TempFolder(name), resume: false);

    /// <summary>[count, 1, 8, 20] frames of N(0, 1) noise with random lengths 6..20 (zero padding after); when
    /// <paramref name="informative"/>, class c adds 1.5 to the mean of row c and nothing else differs.</summary>
    private static FeatureSet Data(int count, int seed, bool informative)
    {
        const int rows = 8, frames = 20;
        var random = new Random(seed);
        var values = new float[count * rows * frames];
        var labels = new long[count];
        var valid = new int[count];
        for (int i = 0; i < count; i++)
        {
            labels[i] = informative ? i % 4 : random.Next(4);
            valid[i] = random.Next(6, frames + 1);
            for (int r = 0; r < rows; r++)
                for (int t = 0; t < valid[i]; t++)
                {
                    double noise = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
                    values[(i * rows + r) * frames + t] = (float)(noise + (informative && r == labels[i] ? 1.5 : 0));
                }
        }
        return new FeatureSet(TorchSharp.torch.tensor(values, [count, 1, rows, frames]), labels,
            Enumerable.Range(0, count).Select(i => $"clip{seed}_{i}").ToList(), validFrames: valid);
    }

    [Fact]
    public void Separable_functionals_give_near_perfect_ua()
    {
        // The clip mean of row c has mean 1.5 for class c and sd <= 1/sqrt(6): a linear rule separates all but a few
        // clips in a thousand, so UA >= 0.95 on 200 test clips.
        var result = Train(Data(200, 1, true), Data(80, 2, true), Data(200, 3, true), "linear-separable");
        Assert.True(result.Completed);
        Assert.InRange(result.Test!.UnweightedAccuracy, 0.95, 1.0);
        Assert.Equal(Linear.Linear.L2Grid.Count, result.History.Count); // one fit per L2 strength
        Assert.Equal(Linear.Linear.L2Grid, result.History.Select(r => r.LearningRate));
    }

    [Fact]
    public void Labels_independent_of_the_audio_stay_at_chance()
    {
        // Test labels are drawn independently of the test inputs, so any classifier's UA on 400 clips is 0.25 with a
        // binomial sd of about 0.022: the tolerance 0.25 +- 0.08 is 3.6 sd. Training accuracy on noise is free to be higher.
        var result = Train(Data(200, 4, false), Data(80, 5, false), Data(400, 6, false), "linear-chance");
        Assert.InRange(result.Test!.UnweightedAccuracy, 0.17, 0.33);
    }

    [Fact]
    public void The_l2_strength_is_chosen_on_validation_and_evaluate_rebuilds_the_same_model()
    {
        var test = Data(60, 9, true);
        var result = Train(Data(120, 7, true), Data(40, 8, true), test, "linear-eval");
        var best = result.History.MaxBy(r => r.ValidationUnweightedAccuracy)!; // the first of equals, like the selection
        Assert.Equal(best.Epoch, result.BestEpoch);
        var again = TrainRun.Evaluate(result.RunDirectory, test);
        Assert.Equal(result.Test!.Confusion, again.Report.Confusion);
        Assert.Equal(result.TestPredictions, again.Predictions);
    }

    [Fact]
    public void Training_fold_statistics_standardise_the_functionals()
    {
        // Two clips of one row: functionals (mean 1, std 0, p10/50/90, slope, log 2) and (mean 3, ...); mean and
        // population std per column over the two: column mean -> centre 2, scale 1.
        using var model = new LinearClassifier(new LinearSpec { Functionals = [UtteranceFunctionals.Mean] }, 1, 4);
        using var raw = TorchSharp.torch.tensor(new double[] { 1, 3 }, [2, 1]);
        model.SetStandardization(raw);
        Assert.Equal(new double[] { -1, 1 }, model.Standardize(raw).data<double>().ToArray());
        var names = model.state_dict().Keys.ToList();
        Assert.Contains("center", names); // buffers: a checkpoint carries the training fold's statistics
        Assert.Contains("scale", names);
        Assert.Equal(4 * 1 + 4, model.ParameterCount());
    }

    [Fact]
    public void Bad_linear_settings_name_the_field()
    {
        var errors = (Linear with { Linear = new LinearSpec { Functionals = ["mean", "energy"], L2Grid = [], Iterations = 0 } }).Errors().ToList();
        Assert.Contains(errors, e => e.Contains("network.linear.functionals 'energy'"));
        Assert.Contains(errors, e => e.Contains("network.linear.l2Grid"));
        Assert.Contains(errors, e => e.Contains("network.linear.iterations"));
    }
}
