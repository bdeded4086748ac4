using Plotly.NET;
using SerDarts.Search;

namespace SerDarts.Reporting;

/// <summary>
/// A derived cell drawn as a graph: the inputs c(k-2) and c(k-1) on the left, the intermediate nodes left to
/// right, the output c(k) on the right; one labelled arrow per genotype edge (its operation), and dotted arrows
/// for the states concatenated into the output.
/// </summary>
public static class CellGraphChart
{
    public static GenericChart Create(Genotype genotype, string cell, string title)
    {
        var (nodes, concat) = cell switch
        {
            ArchitectureWeightChart.Normal => (genotype.Normal, genotype.NormalConcat),
            ArchitectureWeightChart.Reduce => (genotype.Reduce, genotype.ReduceConcat),
            _ => throw new ArgumentException($"cell '{cell}' is not normal or reduce", nameof(cell)),
        };
        var states = nodes.Count + 2;
        var position = Enumerable.Range(0, states).Select(s => Position(s)).ToList();
        var output = (X: nodes.Count + 1.0, Y: 0.0);
        var edges = nodes.SelectMany((edges, node) => edges.Select(e => (From: e.Input, To: node + 2, e.Operation))).ToList();
        var arrows = edges.Select(e => Arrow(position[e.From], position[e.To], "solid"))
            .Concat(concat.Select(s => Arrow(position[s], output, "dot"))).ToArray();
        var labels = Plot.Trace("scatter",
            ("mode", "text"),
            ("x", edges.Select(e => Mid(position[e.From], position[e.To]).X).ToArray()),
            ("y", edges.Select(e => Mid(position[e.From], position[e.To]).Y).ToArray()),
            ("text", edges.Select(e => e.Operation).ToArray()),
            ("textfont", Plot.Obj(("size", 11), ("color", "#333"))),
            ("hoverinfo", "text"),
            ("name", "operations"));
        var names = Enumerable.Range(0, states).Select(CellEdges.StateName).Append("c(k)").ToArray();
        var points = position.Append(output).ToList();
        var nodeTrace = Plot.Trace("scatter",
            ("mode", "markers+text"),
            ("x", points.Select(p => p.X).ToArray()),
            ("y", points.Select(p => p.Y).ToArray()),
            ("text", names),
            ("textposition", "middle center"),
            ("marker", Plot.Obj(("size", 42), ("color", names.Select(Colour).ToArray()), ("line", Plot.Obj(("width", 1), ("color", "#444"))))),
            ("hoverinfo", "text"),
            ("name", "states"));
        var hidden = Plot.Obj(("visible", false), ("zeroline", false), ("showgrid", false));
        return Plot.Chart([labels, nodeTrace], Plot.Layout(title,
            ("showlegend", false), ("annotations", arrows), ("xaxis", hidden), ("yaxis", hidden), ("height", 420)));
    }

    /// <summary>Inputs at x = 0 (above and below), node i at x = i + 1, alternating above and below the axis.</summary>
    private static (double X, double Y) Position(int state) => state switch
    {
        0 => (0, 1),
        1 => (0, -1),
        _ => (state - 1, (state % 2 == 0 ? 0.6 : -0.6)),
    };

    private static (double X, double Y) Mid((double X, double Y) a, (double X, double Y) b) => ((a.X + b.X) / 2, (a.Y + b.Y) / 2);

    private static DynamicObj.DynamicObj Arrow((double X, double Y) from, (double X, double Y) to, string dash) => Plot.Obj(
        ("x", to.X), ("y", to.Y), ("ax", from.X), ("ay", from.Y),
        ("xref", "x"), ("yref", "y"), ("axref", "x"), ("ayref", "y"),
        ("text", ""), ("showarrow", true), ("arrowhead", 2), ("arrowwidth", dash == "dot" ? 1 : 1.5),
        ("arrowcolor", dash == "dot" ? "#999" : "#555"), ("standoff", 21), ("startstandoff", 21));

    private static string Colour(string name) => name switch
    {
        "c(k-2)" or "c(k-1)" => "#b7e1b5",
        "c(k)" => "#f7c59f",
        _ => "#bcd4f6",
    };
}
