using SerDarts.Experiments.Store;

namespace SerDarts.Experiments.Analysis;

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
