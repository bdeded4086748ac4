using SerDarts.Experiments.Specs;

namespace SerDarts.Experiments.Store;

/// <summary>The test metrics of one completed trial (fractions in [0, 1]).</summary>
public sealed record TrialMetricRow(
    long TrialId, string SpecHash, string Model, int Fold, int Seed,
    double UnweightedAccuracy, double WeightedAccuracy, double MacroF1, long Parameters, string Device, double TotalSeconds);
