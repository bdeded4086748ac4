namespace SerDarts.Reporting;

/// <summary>Names of a DARTS cell's states and edges, in pt.darts order: states 0 and 1 are the cell inputs
/// c(k-2) and c(k-1), state i + 2 is intermediate node i, and node i has one edge from each earlier state.</summary>
public static class CellEdges
{
    public static string StateName(int state) => state switch
    {
        0 => "c(k-2)",
        1 => "c(k-1)",
        _ => $"n{state - 2}",
    };

    /// <summary>Labels of the edges of a cell with <paramref name="edgeCount"/> edges ("n0 ← c(k-2)", ...).</summary>
    public static IReadOnlyList<string> Labels(int edgeCount)
    {
        var labels = new List<string>();
        for (var node = 0; labels.Count < edgeCount; node++)
            for (var input = 0; input < node + 2 && labels.Count < edgeCount; input++)
                labels.Add($"n{node} ← {StateName(input)}");
        return labels;
    }
}
