using SerDarts.Features;
using SerDarts.Networks;
using SerDarts.Runs;

namespace SerDarts.Training;

/// <summary>Content of a training run's metrics.json.</summary>
public sealed record TrainMetrics(
    string Network, long Parameters, int BestEpoch, ClassificationReport? BestValidation, ClassificationReport Test,
    IReadOnlyList<int> TestPredictions, IReadOnlyList<TrainEpochMetrics> Epochs);
