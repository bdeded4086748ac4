namespace SerDarts.Search;

/// <summary>One search epoch: losses, the softmax of the architecture weights (edge x operation, rows in
/// edge order, columns in <see cref="Operations"/> order), the skip count of the normal cell, and the genotype.</summary>
public sealed record SearchEpochRecord(
    int Epoch,
    double TrainLoss,
    double ValidationLoss,
    double ValidationUnweightedAccuracy,
    IReadOnlyList<string> Operations,
    double[][] NormalWeights,
    double[][] ReduceWeights,
    int NormalSkipCount,
    Genotype Genotype,
    double Seconds);
