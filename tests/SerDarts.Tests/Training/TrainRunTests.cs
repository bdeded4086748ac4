using SerDarts.Features;
using SerDarts.Networks;
using SerDarts.Runs;
using SerDarts.Training;

namespace SerDarts.Tests.Training;

[Collection(TorchSerialCollection.Name)]
public class TrainRunTests
{
    private static readonly FeatureSet Train = TinySetups.Data(24, 16, seed: 11);
    private static readonly FeatureSet Validation = TinySetups.Data(8, 16, seed: 12);
    private static readonly FeatureSet Test = TinySetups.Data(12, 16, seed: 13);

    private static TrainResult Run(TrainRunConfig config, string dir, bool resume = false, RunControl? control = null) =>
        TrainRun.Execute(config, TinySetups.Cpu, Train, Validation, Test, dir, resume, null, control);

    [Theory]
    [InlineData(NetworkKinds.Darts)]
    [InlineData(NetworkKinds.CnnLstm)]
    public void Same_seed_gives_byte_identical_metrics(string kind)
    {
        var network = TinySetups.Network with { Kind = kind, Head = TinySetups.Network.Head with { LstmLayers = 2 } };
        var config = TinySetups.TrainRun(network, kind == NetworkKinds.Darts ? TinySetups.Genotype : null, TinySetups.Training with { Epochs = 2 });
        var a = Run(config, TinySetups.TempFolder("train-a"));
        var b = Run(config, TinySetups.TempFolder("train-b"));
        Assert.Equal(File.ReadAllBytes(Path.Combine(a.RunDirectory, "metrics.json")),
            File.ReadAllBytes(Path.Combine(b.RunDirectory, "metrics.json")));
        Assert.True(a.Completed);
        Assert.NotNull(a.Test);
        Assert.InRange(a.BestEpoch, 1, 2);
        Assert.Equal(Test.Count, a.Test!.Confusion.Sum(row => row.Sum()));
        Assert.Equal(Test.Count, a.TestPredictions!.Length);
    }

    [Fact]
    public void A_stopped_and_resumed_training_ends_like_an_uninterrupted_one()
    {
        var config = TinySetups.TrainRun();
        var whole = Run(config, TinySetups.TempFolder("train-whole"));
        var dir = TinySetups.TempFolder("train-resumed");
        var partial = Run(config, dir, control: new RunControl(StopAfterEpochs: 2));
        Assert.False(partial.Completed);
        Assert.Null(partial.Test);
        var resumed = Run(config, dir, resume: true);
        Assert.True(resumed.Completed);
        Assert.Equal(File.ReadAllBytes(Path.Combine(whole.RunDirectory, "metrics.json")),
            File.ReadAllBytes(Path.Combine(dir, "metrics.json")));
    }

    [Fact]
    public void Evaluate_rebuilds_the_best_model_from_the_run_directory()
    {
        var config = TinySetups.TrainRun(TinySetups.Network with { Kind = NetworkKinds.Cnn }, training: TinySetups.Training with { Epochs = 2 });
        var result = Run(config, TinySetups.TempFolder("train-eval"));
        var again = TrainRun.Evaluate(result.RunDirectory, Test);
        Assert.Equal(result.Test!.Confusion, again.Report.Confusion);
        Assert.Equal(result.Test.UnweightedAccuracy, again.Report.UnweightedAccuracy);
        Assert.Equal(result.TestPredictions, again.Predictions);
    }

    [Fact]
    public void Evaluate_on_a_folder_that_is_not_a_training_run_names_it()
    {
        var folder = TinySetups.TempFolder("not-a-run");
        var e = Assert.Throws<InvalidDataException>(() => TrainRun.Evaluate(folder, Test));
        Assert.Contains(folder, e.Message);
        Assert.Contains("not a finished training run", e.Message);
    }

    [Fact]
    public void A_small_model_learns_the_synthetic_task()
    {
        // Class = the orientation of the stripes: separable, so a working trainer must beat chance clearly.
        var train = TinySetups.Data(96, 16, seed: 21);
        var test = TinySetups.Data(32, 16, seed: 22);
        var network = TinySetups.Network with
        {
            Kind = NetworkKinds.CnnLstm, BaselineChannels = [8, 16], Head = new HeadSpec { LstmUnits = 16, DenseUnits = [16], Dropout = 0 },
        };
        var config = TinySetups.TrainRun(network, null, TinySetups.Training with { Epochs = 15, BatchSize = 8, LearningRate = 0.05 });
        var result = TrainRun.Execute(config, TinySetups.Cpu, train, test, test, TinySetups.TempFolder("train-learn"), false);
        Assert.True(result.Test!.UnweightedAccuracy > 0.6, $"UA {result.Test.UnweightedAccuracy}");
        Assert.True(result.History[^1].TrainLoss < result.History[0].TrainLoss);
        Assert.Equal(result.History[^1].TestUnweightedAccuracy, result.History[^1].TestUnweightedAccuracy); // recorded, not NaN
        Assert.False(double.IsNaN(result.History[^1].TestUnweightedAccuracy));
    }
}
