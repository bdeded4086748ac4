using SerDarts.Networks;
using SerDarts.Search;

namespace SerDarts.Reporting;

/// <summary>
/// A derived cell drawn as a graph, left to right: the inputs c(k-2) and c(k-1), the intermediate nodes, the
/// output c(k). One arrow per genotype edge, labelled with its operation (the label sits near the arrow's head,
/// so the two edges into a node are told apart), and dotted arrows for the states concatenated into the output.
/// </summary>
public static class CellGraphChart
{
    private const double LabelAt = 0.62; // fraction of the way from source to target

    public static PlotlyFigure Create(Genotype genotype, string cell, string title)
    {
        var (nodes, concat) = cell switch
        {
            ArchitectureWeightChart.Normal => (genotype.Normal, genotype.NormalConcat),
            ArchitectureWeightChart.Reduce => (genotype.Reduce, genotype.ReduceConcat),
            _ => throw new ArgumentException($"cell '{cell}' is not normal or reduce", nameof(cell)),
        };
        var states = nodes.Count + 2;
        var position = Enumerable.Range(0, states).Select(Position).ToList();
        var output = (X: 1.5 * (nodes.Count + 1), Y: 0.0);
        var edges = nodes.SelectMany((edges, node) => edges.Select(e => (From: e.Input, To: node + 2, e.Operation))).ToList();
        var annotations = edges.Select(e => Arrow(position[e.From], position[e.To], dotted: false))
            .Concat(concat.Select(s => Arrow(position[s], output, dotted: true)))
            .Concat(edges.Select(e => Label(e.Operation, Along(position[e.From], position[e.To]))))
            .ToArray();
        var names = Enumerable.Range(0, states).Select(CellEdges.StateName).Append("c(k)").ToArray();
        var points = position.Append(output).ToList();
        var nodeTrace = Plot.Trace("scatter",
            ("mode", "markers+text"),
            ("x", points.Select(p => p.X).ToArray()),
            ("y", points.Select(p => p.Y).ToArray()),
            ("text", names),
            ("textposition", "middle center"),
            ("marker", Plot.Obj(("size", 44), ("color", names.Select(Colour).ToArray()), ("line", Plot.Obj(("width", 1), ("color", "#444"))))),
            ("hoverinfo", "text"),
            ("name", "states"));
        var hidden = Plot.Obj(("visible", false), ("zeroline", false), ("showgrid", false));
        return Plot.Chart([nodeTrace], Plot.Layout(title,
            ("showlegend", false), ("annotations", annotations), ("xaxis", hidden), ("yaxis", hidden), ("height", 460)));
    }

    /// <summary>Inputs at x = 0 (above and below); node i at x = 1.5 (i + 1), alternating above and below.</summary>
    private static (double X, double Y) Position(int state) => state switch
    {
        0 => (0, 1.6),
        1 => (0, -1.6),
        _ => (1.5 * (state - 1), state % 2 == 0 ? 0.9 : -0.9),
    };

    private static (double X, double Y) Along((double X, double Y) a, (double X, double Y) b) =>
        (a.X + LabelAt * (b.X - a.X), a.Y + LabelAt * (b.Y - a.Y));

    private static IReadOnlyDictionary<string, object?> Arrow((double X, double Y) from, (double X, double Y) to, bool dotted) => Plot.Obj(
        ("x", to.X), ("y", to.Y), ("ax", from.X), ("ay", from.Y),
        ("xref", "x"), ("yref", "y"), ("axref", "x"), ("ayref", "y"),
        ("text", ""), ("showarrow", true), ("arrowhead", 2), ("arrowwidth", dotted ? 1 : 1.5),
        ("arrowcolor", dotted ? "#aaa" : "#555"), ("standoff", 22), ("startstandoff", 22));

    private static IReadOnlyDictionary<string, object?> Label(string operation, (double X, double Y) at) => Plot.Obj(
        ("x", at.X), ("y", at.Y), ("xref", "x"), ("yref", "y"), ("text", operation), ("showarrow", false),
        ("font", Plot.Obj(("size", 10), ("color", "#222"))), ("bgcolor", "rgba(255,255,255,0.85)"));

    private static string Colour(string name) => name switch
    {
        "c(k-2)" or "c(k-1)" => "#b7e1b5",
        "c(k)" => "#f7c59f",
        _ => "#bcd4f6",
    };
}
