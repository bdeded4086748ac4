namespace SerDarts.Experiments;

/// <summary>Mean and <b>sample</b> standard deviation (divisor n - 1) of one metric over trials.
/// Mean is NaN without values; the standard deviation is NaN with fewer than two.</summary>
public sealed record MetricSummary(int Count, double Mean, double StandardDeviation)
{
    public static MetricSummary Of(IReadOnlyCollection<double> values)
    {
        var n = values.Count;
        if (n == 0) return new MetricSummary(0, double.NaN, double.NaN);
        var mean = values.Sum() / n;
        // Two passes: the squared deviations from the mean, not the difference of large sums.
        var std = n < 2 ? double.NaN : Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (n - 1));
        return new MetricSummary(n, mean, std);
    }
}

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

/// <summary>Pools trial metrics per variant. Every registered variant yields a row, with Trials = 0 when none of
/// its trials has completed, so an unfinished ablation table shows its gaps.</summary>
public static class Aggregation
{
    public static IReadOnlyList<VariantAggregate> ByVariant(IReadOnlyList<VariantRow> variants, IReadOnlyList<TrialMetricRow> metrics)
    {
        var bySpec = metrics.ToLookup(m => m.SpecHash);
        return variants
            .OrderBy(v => v.Suite, StringComparer.Ordinal).ThenBy(v => v.Ordinal)
            .Select(v => Summarise(v, bySpec[v.SpecHash].ToList()))
            .ToList();
    }

    private static VariantAggregate Summarise(VariantRow v, IReadOnlyList<TrialMetricRow> trials) => new(
        v.Suite, v.Variant, v.Factor, v.Level, v.Ordinal, v.Model, v.SpecHash,
        trials.Count,
        trials.Select(t => t.Fold).Distinct().Count(),
        trials.Select(t => t.Seed).Distinct().Count(),
        MetricSummary.Of(trials.Select(t => t.UnweightedAccuracy).ToList()),
        MetricSummary.Of(trials.Select(t => t.WeightedAccuracy).ToList()),
        MetricSummary.Of(trials.Select(t => t.MacroF1).ToList()),
        trials.Count == 0 ? double.NaN : trials.Average(t => (double)t.Parameters));
}
