using SerDarts.Networks;

namespace SerDarts.Search;

/// <summary>
/// One search epoch: the supernet's losses and UA, whether the architecture moved (false in warm-up epochs),
/// how far the edge distributions are from uniform (<see cref="ArchitectureDiagnostics"/>), how many genotype
/// edges changed since the previous epoch, the normal cell's skip count, the softmax of the architecture weights
/// (edge x operation, columns in <see cref="Operations"/> order) and the derived genotype.
/// </summary>
public sealed record SearchEpochRecord(
    int Epoch,
    double LearningRate,
    bool ArchitectureUpdated,
    double TrainLoss,
    double TrainUnweightedAccuracy,
    double ValidationLoss,
    double ValidationUnweightedAccuracy,
    double NormalEntropy,
    double ReduceEntropy,
    int GenotypeChanges,
    int NormalSkipCount,
    IReadOnlyList<string> Operations,
    double[][] NormalWeights,
    double[][] ReduceWeights,
    Genotype Genotype,
    double Seconds);
