using SerDarts.Networks;

namespace SerDarts.Training;

/// <summary>config.json of a training run: the network (with its genotype when it has cells), the optimisation
/// settings and the seed, every number explicit.</summary>
public sealed record TrainRunConfig(int Schema, NetworkSpec Network, Genotype? Genotype, TrainingSettings Training, long Seed)
{
    public static TrainRunConfig Create(NetworkSpec network, Genotype? genotype, TrainingSettings training, long seed) =>
        new(RunConfigs.Schema, network, genotype, training, seed);

    public string ToJson() => ConfigJson.Serialize(this);

    public static TrainRunConfig FromJson(string json, string source) => ConfigJson.Deserialize<TrainRunConfig>(json, source);
}

/// <summary>Outcome of <see cref="TrainRun.Execute"/>.</summary>
/// <param name="Test">Metrics of the best-validation-UA model on the test set (null until the run completed).</param>
/// <param name="TestPredictions">That model's predicted class per test sample, in the test set's order.</param>
/// <param name="BestValidation">Validation metrics of that model.</param>
/// <param name="BestEpoch">1-based epoch of the best validation UA.</param>
/// <param name="Parameters">Trainable parameters (auxiliary head excluded).</param>
/// <param name="History">One record per completed epoch.</param>
/// <param name="Completed">False when the session stopped early through <see cref="RunControl"/>.</param>
/// <param name="Config">The configuration the run used (the stored one when resuming).</param>
/// <param name="RunDirectory">Where config, log, checkpoints and metrics.json are.</param>
public sealed record TrainResult(
    ClassificationReport? Test, int[]? TestPredictions, ClassificationReport? BestValidation, int BestEpoch, long Parameters,
    IReadOnlyList<EpochRecord> History, bool Completed, TrainRunConfig Config, string RunDirectory);

/// <summary>One epoch as stored in metrics.json (no timings).</summary>
public sealed record TrainEpochMetrics(
    int Epoch, double LearningRate, double TrainLoss, double TrainAccuracy, double ValidationLoss,
    double ValidationUnweightedAccuracy, double TestUnweightedAccuracy, double TestWeightedAccuracy)
{
    public static TrainEpochMetrics From(EpochRecord r) => new(r.Epoch, r.LearningRate, r.TrainLoss, r.TrainAccuracy,
        r.ValidationLoss, r.ValidationUnweightedAccuracy, r.TestUnweightedAccuracy, r.TestWeightedAccuracy);
}

/// <summary>Content of a training run's metrics.json.</summary>
public sealed record TrainMetrics(
    string Network, long Parameters, int BestEpoch, ClassificationReport? BestValidation, ClassificationReport Test,
    IReadOnlyList<int> TestPredictions, IReadOnlyList<TrainEpochMetrics> Epochs);

/// <summary>What a training checkpoint's header holds besides tensors.</summary>
internal sealed record TrainCheckpointHeader(int EpochsDone, int BestEpoch, double BestValidationUa, List<EpochRecord> History);
