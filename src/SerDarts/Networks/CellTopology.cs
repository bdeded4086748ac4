namespace SerDarts.Networks;

/// <summary>
/// Edge bookkeeping of a DARTS cell: intermediate node i reads every earlier state (the two cell inputs and
/// nodes 0..i-1), so it owns i+2 edges; rows of the architecture weights list the edges node by node.
/// </summary>
public static class CellTopology
{
    /// <summary>Number of mixed edges of a cell with <paramref name="nodes"/> intermediate nodes.</summary>
    public static int EdgeCount(int nodes) => nodes * (nodes + 3) / 2;

    /// <summary>Row of node <paramref name="node"/>'s first edge.</summary>
    public static int FirstEdge(int node) => node * (node + 3) / 2;

    /// <summary>The cells (0-based) that reduce resolution: at n/3 and 2n/3 of the cell count, as in DARTS.</summary>
    public static bool IsReduction(int cell, int cells) => cells >= 2 && (cell == cells / 3 || cell == 2 * cells / 3);
}
