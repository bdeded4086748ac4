using SerDarts.Experiments.Analysis;

namespace SerDarts.Reporting;

/// <summary>UA (%) per test speaker (columns) and variant (rows) as a heatmap, each cell the mean over the seeds that
/// tested the speaker: shows whether a difference between variants holds for every speaker or rests on a few.</summary>
public static class SpeakerChart
{
    public static PlotlyFigure Create(SuiteReport report, string? title = null)
    {
        var means = SpeakerMeans.Of(report).ToDictionary(m => (m.Variant, m.Speaker));
        var speakers = SpeakerMeans.Speakers(report).ToArray();
        var variants = SpeakerMeans.Variants(report).ToArray();
        double?[][] z = variants.Select(v => speakers.Select(s => means.TryGetValue((v, s), out var m) ? m.UnweightedAccuracy * 100 : (double?)null).ToArray()).ToArray();
        var heatmap = Plot.Trace("heatmap",
            ("z", z),
            ("x", speakers),
            ("y", variants),
            ("texttemplate", "%{z:.1f}"),
            ("colorscale", "Viridis"),
            ("zmin", 0),
            ("zmax", 100),
            ("hovertemplate", "%{y}, speaker %{x}: UA %{z:.2f}%<extra></extra>"),
            ("colorbar", Plot.Obj(("title", Plot.Obj(("text", "UA (%)"))))));
        return Plot.Chart([heatmap], Plot.Layout(title ?? $"{report.Suite}: UA by test speaker (mean over seeds)",
            ("xaxis", Plot.Axis("test speaker", ("type", "category"))),
            ("yaxis", Plot.Axis("", ("type", "category"), ("autorange", "reversed"), ("automargin", true))),
            ("height", Math.Max(320, 120 + 28 * variants.Length))));
    }
}
