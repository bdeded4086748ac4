using SerDarts.Search;

namespace SerDarts.Reporting;

/// <summary>
/// Did the search find anything? Three panels over the search epochs: the normal and reduce cells' mean normalised
/// entropy of the architecture weights (1 = uniform, the start) with the line below which the architecture counts
/// as moved (<see cref="ArchitectureDiagnostics.FlatEntropy"/>); the supernet's train and validation UA; and how many
/// genotype edges changed since the previous epoch, with the normal cell's skip connections. Warm-up epochs, where
/// the architecture is frozen, are shaded.
/// </summary>
public static class SearchDiagnosticsChart
{
    public static PlotlyFigure Create(IReadOnlyList<SearchEpochRecord> epochs, string title)
    {
        if (epochs.Count == 0) throw new ArgumentException("no search epochs to draw", nameof(epochs));
        var x = epochs.Select(e => e.Epoch).ToArray();
        var ends = new[] { x[0] - 0.5, x[^1] + 0.5 }; // half an epoch beyond the ends, so the line shows over a single epoch too
        return Plot.Chart(
            [
                Line("normal cell entropy", x, epochs.Select(e => e.NormalEntropy), "y", "solid"),
                Line("reduce cell entropy", x, epochs.Select(e => e.ReduceEntropy), "y", "solid"),
                Plot.Trace("scatter", ("name", $"flat above {ArchitectureDiagnostics.FlatEntropy}"), ("mode", "lines"), ("x", ends),
                    ("y", new[] { ArchitectureDiagnostics.FlatEntropy, ArchitectureDiagnostics.FlatEntropy }), ("yaxis", "y"),
                    ("line", Plot.Obj(("dash", "dot"), ("color", "#c0392b"))), ("hoverinfo", "name")),
                Line("supernet train UA (%)", x, epochs.Select(e => e.TrainUnweightedAccuracy * 100), "y2", "solid"),
                Line("supernet validation UA (%)", x, epochs.Select(e => e.ValidationUnweightedAccuracy * 100), "y2", "dash"),
                Plot.Trace("bar", ("name", "genotype edges changed"), ("x", x), ("y", epochs.Select(e => e.GenotypeChanges).ToArray()), ("yaxis", "y3")),
                Line("normal-cell skip connections", x, epochs.Select(e => (double)e.NormalSkipCount), "y3", "solid"),
            ],
            Plot.Layout(title,
                ("grid", Plot.Obj(("rows", 3), ("columns", 1), ("pattern", "coupled"), ("roworder", "top to bottom"), ("ygap", 0.25))),
                ("xaxis", Plot.Axis("search epoch", ("dtick", 1))),
                ("yaxis", Plot.Axis("mean normalised entropy", ("range", new[] { 0, 1.05 }))),
                ("yaxis2", Plot.Axis("supernet UA (%)", ("range", new[] { 0, 100 }))),
                ("yaxis3", Plot.Axis("count", ("rangemode", "tozero"))),
                ("shapes", WarmupShading(epochs)),
                ("height", 720),
                ("legend", Plot.Obj(("orientation", "h"), ("y", -0.12))),
                ("margin", Plot.Obj(("b", 110)))));
    }

    private static IReadOnlyDictionary<string, object?> Line(string name, int[] x, IEnumerable<double> y, string axis, string dash) =>
        Plot.Trace("scatter", ("name", name), ("mode", "lines+markers"), ("x", x), ("y", Plot.Values(y)), ("yaxis", axis),
            ("line", Plot.Obj(("dash", dash))));

    /// <summary>A grey band over each warm-up epoch, across all three panels.</summary>
    private static object[] WarmupShading(IReadOnlyList<SearchEpochRecord> epochs) => epochs
        .Where(e => !e.ArchitectureUpdated)
        .Select(e => Plot.Obj(("type", "rect"), ("xref", "x"), ("yref", "paper"), ("x0", e.Epoch - 0.5), ("x1", e.Epoch + 0.5),
            ("y0", 0), ("y1", 1), ("fillcolor", "rgba(128,128,128,0.15)"), ("line", Plot.Obj(("width", 0))), ("layer", "below")))
        .ToArray<object>();
}
