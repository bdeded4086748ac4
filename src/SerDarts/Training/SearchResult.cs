using SerDarts.Search;

namespace SerDarts.Training;

/// <summary>Outcome of <see cref="SearchRun.Execute"/>.</summary>
/// <param name="Genotype">The searched architecture (final epoch, or the last epoch within the skip limit after an early stop).</param>
/// <param name="History">One record per completed epoch.</param>
/// <param name="Completed">False when the session stopped early through <see cref="RunControl"/> (resume to continue).</param>
/// <param name="StoppedEarly">True when the skip-connection guard ended the search.</param>
/// <param name="Config">The configuration the run used (the stored one when resuming).</param>
/// <param name="RunDirectory">Where config, log, checkpoints, genotype.json and metrics.json are.</param>
public sealed record SearchResult(
    Genotype Genotype, IReadOnlyList<SearchEpochRecord> History, bool Completed, bool StoppedEarly,
    SearchConfig Config, string RunDirectory);

/// <summary>One epoch as stored in metrics.json (no timings).</summary>
public sealed record SearchEpochMetrics(
    int Epoch, double LearningRate, double TrainLoss, double TrainAccuracy, double ValidationLoss,
    double ValidationUnweightedAccuracy, int NormalSkipCount, string Genotype,
    double[][] NormalWeights, double[][] ReduceWeights);

/// <summary>Content of a search's metrics.json.</summary>
public sealed record SearchMetrics(
    string Genotype, int EpochsRun, bool StoppedEarly, string? StopReason, IReadOnlyList<string> Operations,
    ClassificationReport? FinalValidation, IReadOnlyList<SearchEpochMetrics> Epochs);

/// <summary>What a search checkpoint's header holds besides tensors.</summary>
internal sealed record SearchCheckpointHeader(
    int EpochsDone, bool StoppedEarly, string? StopReason, Genotype? AcceptedGenotype,
    List<SearchEpochRecord> History, List<SearchEpochMetrics> Metrics, ClassificationReport? LastValidation);
