using System.Globalization;
using SerDarts.Experiments.Analysis;

namespace SerDarts.Reporting;

/// <summary>UA (%) by clip duration: one bar group per duration bucket (<see cref="SuiteStatistics.DurationEdges"/>),
/// one bar per variant, pooled over its trials' test clips; each bar says how many clips it holds. Shows what a fixed
/// input window costs on long clips.</summary>
public static class DurationChart
{
    public static PlotlyFigure Create(SuiteReport report, string? title = null)
    {
        var buckets = SuiteStatistics.DurationEdges.Zip(SuiteStatistics.DurationEdges.Skip(1), (from, to) => (From: from, To: to))
            .Where(b => report.Durations.Any(d => d.From == b.From)).ToList(); // buckets without clips are left out
        var labels = buckets.Select(b => Label(b.From, b.To)).ToArray();
        var byVariant = report.Durations.ToLookup(d => d.Variant);
        var traces = report.Levels.Select(l => l.Variant.Variant).Where(v => byVariant.Contains(v)).Select(variant =>
        {
            var cells = buckets.Select(b => byVariant[variant].FirstOrDefault(d => d.From == b.From && d.To == b.To)).ToList();
            return Plot.Trace("bar",
                ("name", variant),
                ("x", labels),
                ("y", cells.Select(d => d is null ? (double?)null : d.UnweightedAccuracy * 100).ToArray()),
                ("text", cells.Select(d => d is null ? "" : $"{d.Clips} clips").ToArray()),
                ("hovertemplate", "%{x}: UA %{y:.2f}% (%{text})<extra>" + variant + "</extra>"));
        });
        return Plot.Chart(traces, Plot.Layout(title ?? $"{report.Suite}: UA by clip duration (test clips pooled over trials)",
            ("barmode", "group"),
            ("xaxis", Plot.Axis("clip duration", ("type", "category"))),
            ("yaxis", Plot.Axis("UA (%)", ("range", new[] { 0, 100 })))));
    }

    /// <summary>"0–2 s", ..., "8 s and longer".</summary>
    public static string Label(double from, double to) => double.IsPositiveInfinity(to)
        ? string.Create(CultureInfo.InvariantCulture, $"{from:0.#} s and longer")
        : string.Create(CultureInfo.InvariantCulture, $"{from:0.#}–{to:0.#} s");
}
