using SerDarts.Experiments.Analysis;

namespace SerDarts.Reporting;

/// <summary>UA and WA per level of one ablation factor: grouped bars of the mean, error bars of the sample
/// standard deviation over folds x seeds, in percent.</summary>
public static class AccuracyBarChart
{
    public static PlotlyFigure Create(IReadOnlyList<VariantAggregate> variants, string title)
    {
        var levels = variants.Select(v => v.Level).ToArray();
        return Plot.Chart(
            [Bars("UA", levels, variants.Select(v => v.UnweightedAccuracy)), Bars("WA", levels, variants.Select(v => v.WeightedAccuracy))],
            Plot.Layout(title,
                ("barmode", "group"),
                ("xaxis", Plot.Axis(variants.FirstOrDefault()?.Factor ?? "variant", ("type", "category"))),
                ("yaxis", Plot.Axis("accuracy (%), mean ± sample std", ("range", new[] { 0, 100 })))));
    }

    /// <summary>One chart per factor of a suite, in suite order.</summary>
    public static IReadOnlyList<(string Factor, PlotlyFigure Chart)> PerFactor(IReadOnlyList<VariantAggregate> aggregates, string suite) =>
        aggregates.Where(a => a.Suite == suite)
            .GroupBy(a => a.Factor)
            .Select(g => (g.Key, Create(g.OrderBy(a => a.Ordinal).ToList(), $"{suite}: UA and WA by {g.Key}")))
            .ToList();

    private static IReadOnlyDictionary<string, object?> Bars(string name, string[] levels, IEnumerable<MetricSummary> metric)
    {
        var list = metric.ToList();
        return Plot.Trace("bar",
            ("name", name),
            ("x", levels),
            ("y", Plot.Values(list.Select(m => m.Mean * 100))),
            ("error_y", Plot.ErrorBars(list.Select(m => m.StandardDeviation * 100))),
            ("text", list.Select(m => $"n = {m.Count}").ToArray()),
            ("texttemplate", "%{y:.1f}"),
            ("textposition", "inside"),
            ("hovertemplate", "%{x}: %{y:.2f}% (%{text})<extra>" + name + "</extra>"));
    }
}
