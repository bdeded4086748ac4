using SerDarts.Experiments.Specs;

namespace SerDarts.Experiments.Analysis;

/// <summary>One row of the aggregate table: a suite variant and its metrics pooled over every completed
/// fold x seed trial of its spec.</summary>
public sealed record VariantAggregate(
    string Suite,
    string Variant,
    string Factor,
    string Level,
    int Ordinal,
    string Model,
    string SpecHash,
    int Trials,
    int Folds,
    int Seeds,
    MetricSummary UnweightedAccuracy,
    MetricSummary WeightedAccuracy,
    MetricSummary MacroF1,
    double MeanParameters);
