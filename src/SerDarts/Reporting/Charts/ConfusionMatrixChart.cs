using SerDarts.Runs;

namespace SerDarts.Reporting;

/// <summary>A confusion-matrix heatmap: rows are the true classes (first class on top), columns the predictions;
/// colour is the row-normalised rate in percent (per-class recall on the diagonal), each cell shows its count.</summary>
public static class ConfusionMatrixChart
{
    public static PlotlyFigure Create(int[][] confusion, IReadOnlyList<string> classes, string title)
    {
        var percent = confusion.Select(row =>
        {
            double total = row.Sum();
            return row.Select(n => total > 0 ? 100.0 * n / total : 0).ToArray();
        }).ToArray();
        var heatmap = Plot.Trace("heatmap",
            ("z", percent),
            ("x", classes.ToArray()),
            ("y", classes.ToArray()),
            ("text", confusion.Select(row => row.Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray()).ToArray()),
            ("texttemplate", "%{text}<br>(%{z:.1f}%)"),
            ("hovertemplate", "true %{y}, predicted %{x}: %{text} (%{z:.1f}% of %{y})<extra></extra>"),
            ("colorscale", "Blues"),
            ("reversescale", true), // plotly's Blues runs dark to light; high rates should be dark
            ("zmin", 0),
            ("zmax", 100),
            ("colorbar", Plot.Obj(("title", Plot.Obj(("text", "% of true class"))))));
        return Plot.Chart([heatmap], Plot.Layout(title,
            ("xaxis", Plot.Axis("predicted", ("type", "category"))),
            ("yaxis", Plot.Axis("true", ("type", "category"), ("autorange", "reversed")))));
    }

    public static PlotlyFigure Create(ClassificationReport report, string title) => Create(report.Confusion, report.Classes, title);

    /// <summary>Element-wise sum of several reports' confusion matrices (pooled over folds and seeds).</summary>
    public static int[][] Sum(IReadOnlyList<ClassificationReport> reports)
    {
        if (reports.Count == 0) throw new ArgumentException("no reports to sum", nameof(reports));
        var classes = reports[0].Classes;
        if (reports.Any(r => !r.Classes.SequenceEqual(classes)))
            throw new ArgumentException("reports with different class lists cannot be pooled", nameof(reports));
        return classes.Select((_, t) => classes.Select((_, p) => reports.Sum(r => r.Confusion[t][p])).ToArray()).ToArray();
    }
}
