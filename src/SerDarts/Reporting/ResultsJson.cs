using System.Text.Json;
using SerDarts.Experiments;

namespace SerDarts.Reporting;

/// <summary>The aggregate table as JSON (for <c>serdarts results --json</c> and scripts): fractions in [0, 1],
/// sample standard deviations, null where a value is undefined (no trials, or one trial for a deviation).</summary>
public static class ResultsJson
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static string Aggregates(IReadOnlyList<VariantAggregate> aggregates) =>
        JsonSerializer.Serialize(aggregates.Select(a => new
        {
            a.Suite, a.Variant, a.Factor, a.Level, a.Model, a.Trials, a.Folds, a.Seeds,
            Ua = Metric(a.UnweightedAccuracy), Wa = Metric(a.WeightedAccuracy), MacroF1 = Metric(a.MacroF1),
            Parameters = Finite(a.MeanParameters), a.SpecHash,
        }), Options);

    private static object Metric(MetricSummary m) => new { Mean = Finite(m.Mean), SampleStd = Finite(m.StandardDeviation), m.Count };

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;
}
