using SerDarts.Features;
using SerDarts.Networks;

namespace SerDarts.Training;

/// <summary>One epoch as stored in metrics.json (no timings).</summary>
public sealed record TrainEpochMetrics(
    int Epoch, double LearningRate, double TrainLoss, double TrainAccuracy, double ValidationLoss,
    double ValidationUnweightedAccuracy, double TestUnweightedAccuracy, double TestWeightedAccuracy)
{
    public static TrainEpochMetrics From(EpochRecord r) => new(r.Epoch, r.LearningRate, r.TrainLoss, r.TrainAccuracy,
        r.ValidationLoss, r.ValidationUnweightedAccuracy, r.TestUnweightedAccuracy, r.TestWeightedAccuracy);
}
