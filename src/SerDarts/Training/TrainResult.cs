using SerDarts.Features;
using SerDarts.Networks;
using SerDarts.Runs;

namespace SerDarts.Training;

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

/// <summary>What a training checkpoint's header holds besides tensors.</summary>
internal sealed record TrainCheckpointHeader(int EpochsDone, int BestEpoch, double BestValidationUa, List<EpochRecord> History) : IRunState;
