using Plotly.NET;
using SerDarts.Experiments;

namespace SerDarts.Reporting;

/// <summary>Model size against accuracy: mean trainable parameters (log axis) versus mean UA (%) with sample-std
/// error bars, one marker per variant with results, one colour per model kind.</summary>
public static class ParameterScatterChart
{
    public static GenericChart Create(IReadOnlyList<VariantAggregate> variants, string title)
    {
        var withResults = variants.Where(v => v.Trials > 0).ToList();
        var traces = withResults.GroupBy(v => v.Model).Select(g =>
        {
            var list = g.ToList();
            return Plot.Trace("scatter",
                ("name", ModelKinds.DisplayName(g.Key)),
                ("mode", "markers+text"),
                ("x", list.Select(v => v.MeanParameters).ToArray()),
                ("y", list.Select(v => v.UnweightedAccuracy.Mean * 100).ToArray()),
                ("error_y", Plot.ErrorBars(list.Select(v => v.UnweightedAccuracy.StandardDeviation * 100))),
                ("text", list.Select(v => v.Variant).ToArray()),
                ("textposition", "top center"),
                ("marker", Plot.Obj(("size", 10))),
                ("hovertemplate", "%{text}<br>%{x:,.0f} parameters<br>UA %{y:.2f}%<extra></extra>"));
        });
        return Plot.Chart(traces, Plot.Layout(title,
            ("xaxis", Plot.Axis("trainable parameters", ("type", "log"))),
            ("yaxis", Plot.Axis("UA (%), mean ± sample std", ("range", new[] { 0, 100 })))));
    }
}
