using SerDarts.Models;
using SerDarts.Training;

namespace SerDarts.Tests.Training;

[Collection(TorchSerialCollection.Name)]
public class TrainRunTests
{
    private static readonly TensorDataset Train = TinySetups.Data(24, 16, seed: 11);
    private static readonly TensorDataset Validation = TinySetups.Data(8, 16, seed: 12);
    private static readonly TensorDataset Test = TinySetups.Data(12, 16, seed: 13);

    private static TrainResult Run(TrainConfig config, ModelSpec model, string dir, bool resume = false, RunControl? control = null) =>
        TrainRun.Execute(config, model, Train, Validation, Test, dir, resume, null, control);

    [Theory]
    [InlineData(ModelKind.Darts)]
    [InlineData(ModelKind.CnnLstm)]
    public void Same_seed_gives_byte_identical_metrics(ModelKind kind)
    {
        var model = kind == ModelKind.Darts ? ModelSpec.Darts(TinySetups.Genotype) : new ModelSpec(kind, null, 2);
        var config = TinySetups.Train with { Epochs = 2 };
        var a = Run(config, model, TinySetups.TempFolder("train-a"));
        var b = Run(config, model, TinySetups.TempFolder("train-b"));
        Assert.Equal(File.ReadAllBytes(Path.Combine(a.RunDirectory, "metrics.json")),
            File.ReadAllBytes(Path.Combine(b.RunDirectory, "metrics.json")));
        Assert.True(a.Completed);
        Assert.NotNull(a.Test);
        Assert.InRange(a.BestEpoch, 1, 2);
        Assert.Equal(Test.Count, a.Test!.Confusion.Sum(row => row.Sum()));
    }

    [Fact]
    public void A_stopped_and_resumed_training_ends_like_an_uninterrupted_one()
    {
        var model = ModelSpec.Darts(TinySetups.Genotype);
        var whole = Run(TinySetups.Train, model, TinySetups.TempFolder("train-whole"));
        var dir = TinySetups.TempFolder("train-resumed");
        var partial = Run(TinySetups.Train, model, dir, control: new RunControl(StopAfterEpochs: 2));
        Assert.False(partial.Completed);
        Assert.Null(partial.Test);
        var resumed = Run(TinySetups.Train, model, dir, resume: true);
        Assert.True(resumed.Completed);
        Assert.Equal(File.ReadAllBytes(Path.Combine(whole.RunDirectory, "metrics.json")),
            File.ReadAllBytes(Path.Combine(dir, "metrics.json")));
    }

    [Fact]
    public void Evaluate_rebuilds_the_best_model_from_the_run_directory()
    {
        var result = Run(TinySetups.Train with { Epochs = 2 }, new ModelSpec(ModelKind.Cnn), TinySetups.TempFolder("train-eval"));
        var again = TrainRun.Evaluate(result.RunDirectory, Test);
        Assert.Equal(result.Test!.Confusion, again.Confusion);
        Assert.Equal(result.Test.UnweightedAccuracy, again.UnweightedAccuracy);
    }

    [Fact]
    public void A_small_model_learns_the_synthetic_task()
    {
        // Class = which frequency band is lit: separable, so a working trainer must beat chance clearly.
        var train = TinySetups.Data(96, 16, seed: 21);
        var test = TinySetups.Data(32, 16, seed: 22);
        var config = TinySetups.Train with
        {
            Epochs = 15, BatchSize = 8, Lr = 0.05, BaselineChannels = [8, 16], Head = new HeadSpec(16, 1, [16], 0, false),
        };
        var result = TrainRun.Execute(config, new ModelSpec(ModelKind.CnnLstm), train, test, test,
            TinySetups.TempFolder("train-learn"), false);
        Assert.True(result.Test!.UnweightedAccuracy > 0.6, $"UA {result.Test.UnweightedAccuracy}");
        Assert.True(result.History[^1].TrainLoss < result.History[0].TrainLoss);
    }
}
