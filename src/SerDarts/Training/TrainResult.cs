using SerDarts.Models;

namespace SerDarts.Training;

/// <summary>Outcome of <see cref="TrainRun.Execute"/>.</summary>
/// <param name="Test">Metrics of the best-validation-UA model on the test set (null until the run completed).</param>
/// <param name="BestValidation">Validation metrics of that model.</param>
/// <param name="BestEpoch">1-based epoch of the best validation UA.</param>
/// <param name="Parameters">Trainable parameters (auxiliary head excluded).</param>
/// <param name="History">One record per completed epoch.</param>
/// <param name="Completed">False when the session stopped early through <see cref="RunControl"/>.</param>
/// <param name="Model">What was trained.</param>
/// <param name="Config">The configuration the run used (the stored one when resuming).</param>
/// <param name="RunDirectory">Where config, log, checkpoints and metrics.json are.</param>
public sealed record TrainResult(
    ClassificationReport? Test, ClassificationReport? BestValidation, int BestEpoch, long Parameters,
    IReadOnlyList<EpochRecord> History, bool Completed, ModelSpec Model, TrainConfig Config, string RunDirectory);

/// <summary>config.json of a training run: what to build and how to train it.</summary>
public sealed record TrainRunConfig(ModelSpec Model, TrainConfig Train)
{
    public string ToJson() => ConfigJson.Serialize(this);

    public static TrainRunConfig FromJson(string json, string source) => ConfigJson.Deserialize<TrainRunConfig>(json, source);
}

/// <summary>One epoch as stored in metrics.json (no timings).</summary>
public sealed record TrainEpochMetrics(
    int Epoch, double LearningRate, double TrainLoss, double TrainAccuracy, double ValidationLoss,
    double ValidationUnweightedAccuracy);

/// <summary>Content of a training run's metrics.json.</summary>
public sealed record TrainMetrics(
    string Model, long Parameters, int BestEpoch, ClassificationReport? BestValidation, ClassificationReport Test,
    IReadOnlyList<TrainEpochMetrics> Epochs);

/// <summary>What a training checkpoint's header holds besides tensors.</summary>
internal sealed record TrainCheckpointHeader(int EpochsDone, int BestEpoch, double BestValidationUa, List<EpochRecord> History);
