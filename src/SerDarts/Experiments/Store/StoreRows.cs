namespace SerDarts.Experiments;

/// <summary>A registered suite variant.</summary>
public sealed record VariantRow(string Suite, string Variant, string Factor, string Level, int Ordinal, string Model, string SpecHash);

/// <summary>A trial's bookkeeping row.</summary>
public sealed record TrialRow(
    long TrialId, string SpecHash, string Model, int Fold, int Seed, string Status, int Attempts,
    string RunDirectory, string? StartedUtc, string? EndedUtc, string? Error);

/// <summary>The test metrics of one completed trial (fractions in [0, 1]).</summary>
public sealed record TrialMetricRow(
    long TrialId, string SpecHash, string Model, int Fold, int Seed,
    double UnweightedAccuracy, double WeightedAccuracy, double MacroF1, long Parameters, string Device, double TotalSeconds);
