using SerDarts.Experiments.Analysis;
using SerDarts.Networks;

namespace SerDarts.Reporting;

/// <summary>Model size against accuracy: mean trainable parameters (log axis) versus mean UA (%) with sample-std
/// error bars, one marker per distinct spec with results (variants sharing a spec share its marker), one colour
/// per model kind.</summary>
public static class ParameterScatterChart
{
    public static PlotlyFigure Create(IReadOnlyList<VariantAggregate> variants, string title)
    {
        var points = variants.Where(v => v.Trials > 0).GroupBy(v => v.SpecHash)
            .Select(g => (First: g.First(), Names: g.Select(v => v.Variant).ToList())).ToList();
        var traces = points.GroupBy(p => p.First.Model).Select(g =>
        {
            var list = g.ToList();
            return Plot.Trace("scatter",
                ("name", NetworkKinds.DisplayName(g.Key)),
                ("mode", "markers+text"),
                ("x", list.Select(p => p.First.MeanParameters).ToArray()),
                ("y", list.Select(p => p.First.UnweightedAccuracy.Mean * 100).ToArray()),
                ("error_y", Plot.ErrorBars(list.Select(p => p.First.UnweightedAccuracy.StandardDeviation * 100))),
                ("text", list.Select(p => Label(p.Names)).ToArray()),
                ("hovertext", list.Select(p => string.Join("<br>", p.Names)).ToArray()),
                ("textposition", list.Select((_, i) => i % 2 == 0 ? "top center" : "bottom center").ToArray()),
                ("marker", Plot.Obj(("size", 10))),
                ("hovertemplate", "%{hovertext}<br>%{x:,.0f} parameters<br>UA %{y:.2f}%<extra></extra>"));
        });
        return Plot.Chart(traces, Plot.Layout(title,
            ("xaxis", Plot.Axis("trainable parameters", ("type", "log"))),
            ("yaxis", Plot.Axis("UA (%), mean ± sample std", ("range", new[] { 0, 100 })))));
    }

    private static string Label(IReadOnlyList<string> names) => names.Count == 1 ? names[0] : $"{names[0]} (+{names.Count - 1} equal)";
}
