using SerDarts.Networks;
using SerDarts.Search;

namespace SerDarts.Reporting;

/// <summary>
/// The softmax architecture weights of one cell type as a heatmap (edges x operations) over search epochs: the
/// chart opens on the last epoch and a slider steps through every epoch. The title reports the normal cell's
/// skip-connection count, which DARTS is known to inflate.
/// </summary>
public static class ArchitectureWeightChart
{
    public const string Normal = "normal", Reduce = "reduce";

    public static PlotlyFigure Create(IReadOnlyList<SearchEpochRecord> epochs, string cell, string title)
    {
        if (epochs.Count == 0) throw new ArgumentException("no search epochs to draw", nameof(epochs));
        if (cell is not (Normal or Reduce)) throw new ArgumentException($"cell '{cell}' is not normal or reduce", nameof(cell));
        var matrices = epochs.Select(e => cell == Normal ? e.NormalWeights : e.ReduceWeights).ToList();
        var last = epochs[^1];
        var heatmap = Plot.Trace("heatmap",
            ("z", matrices[^1]),
            ("x", last.Operations.ToArray()),
            ("y", CellEdges.Labels(matrices[^1].Length).ToArray()),
            ("colorscale", "Viridis"),
            ("zmin", 0),
            ("zmax", 1),
            ("hovertemplate", "%{y}, %{x}: %{z:.3f}<extra></extra>"),
            ("colorbar", Plot.Obj(("title", Plot.Obj(("text", "softmax(α)"))))));
        var steps = epochs.Select((e, i) => Plot.Obj(
            ("method", "restyle"),
            ("label", e.Epoch.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("args", new object[] { "z", new object[] { matrices[i] } }))).ToArray();
        var slider = Plot.Obj(
            ("active", epochs.Count - 1),
            ("steps", steps),
            ("currentvalue", Plot.Obj(("prefix", "search epoch "))),
            ("pad", Plot.Obj(("t", 60))));
        return Plot.Chart([heatmap], Plot.Layout($"{title}<br><sub>normal-cell skip connections at epoch {last.Epoch}: {last.NormalSkipCount}</sub>",
            ("xaxis", Plot.Axis("operation", ("type", "category"))),
            ("yaxis", Plot.Axis("edge", ("type", "category"), ("autorange", "reversed"), ("dtick", 1))),
            ("height", 560),
            ("sliders", new[] { slider }),
            ("margin", Plot.Obj(("l", 120)))));
    }
}
