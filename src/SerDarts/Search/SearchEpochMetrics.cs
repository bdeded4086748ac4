using SerDarts.Networks;

namespace SerDarts.Search;

/// <summary>One epoch as stored in metrics.json (no timings, so same-seed reruns are byte-identical).</summary>
public sealed record SearchEpochMetrics(
    int Epoch, double LearningRate, bool ArchitectureUpdated, double TrainLoss, double TrainUnweightedAccuracy,
    double ValidationLoss, double ValidationUnweightedAccuracy, double NormalEntropy, double ReduceEntropy,
    int GenotypeChanges, int NormalSkipCount, string Genotype, double[][] NormalWeights, double[][] ReduceWeights)
{
    public static SearchEpochMetrics From(SearchEpochRecord r) => new(r.Epoch, r.LearningRate, r.ArchitectureUpdated, r.TrainLoss,
        r.TrainUnweightedAccuracy, r.ValidationLoss, r.ValidationUnweightedAccuracy, r.NormalEntropy, r.ReduceEntropy,
        r.GenotypeChanges, r.NormalSkipCount, r.Genotype.ToString(), r.NormalWeights, r.ReduceWeights);
}
