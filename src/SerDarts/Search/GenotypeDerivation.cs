using SerDarts.Networks;

namespace SerDarts.Search;

/// <summary>
/// Discretises the architecture weights (original DARTS rule): every edge is represented by its strongest
/// operation other than <c>none</c>; each node keeps its <c>k</c> strongest edges, strongest first. Ties go to
/// the lower index, so the result is deterministic. Strength is the softmax weight (times the PC-DARTS edge
/// weight when edge normalisation is on).
/// </summary>
public static class GenotypeDerivation
{
    /// <summary>Genotype from the softmax weights [edges][operations] of both cells (and the PC-DARTS edge
    /// weights, or null); <paramref name="k"/> edges per node; all intermediate nodes are concatenated.</summary>
    public static Genotype Derive(double[][] normal, double[][] reduce, IReadOnlyList<string> primitives, int nodes,
        double[]? normalEdges = null, double[]? reduceEdges = null, int k = 2)
    {
        var concat = Enumerable.Range(2, nodes).ToArray();
        return new Genotype(Cell(normal, normalEdges, primitives, nodes, k), concat,
            Cell(reduce, reduceEdges, primitives, nodes, k), concat);
    }

    /// <summary>The chosen edges of one cell, node by node.</summary>
    public static IReadOnlyList<IReadOnlyList<GenotypeEdge>> Cell(double[][] weights, double[]? edgeWeights,
        IReadOnlyList<string> primitives, int nodes, int k = 2)
    {
        if (weights.Length != CellTopology.EdgeCount(nodes))
            throw new ArgumentException($"expected {CellTopology.EdgeCount(nodes)} edges for {nodes} nodes, got {weights.Length}");
        var cell = new List<IReadOnlyList<GenotypeEdge>>(nodes);
        for (int node = 0; node < nodes; node++)
        {
            int first = CellTopology.FirstEdge(node);
            var candidates = Enumerable.Range(0, node + 2)
                .Select(input => Best(weights[first + input], edgeWeights?[first + input] ?? 1.0, primitives, input))
                .OrderByDescending(c => c.Strength).ThenBy(c => c.Edge.Input) // stable for ties
                .Take(Math.Min(k, node + 2))
                .Select(c => c.Edge)
                .ToList();
            cell.Add(candidates);
        }
        return cell;
    }

    /// <summary>
    /// P-DARTS' skip cap (1904.12760): while the cell <paramref name="derive"/> gives holds more than
    /// <paramref name="max"/> skip connections, the weakest chosen skip (its weight times its edge weight; ties: the
    /// later edge) is struck from its edge's candidates and the cell is derived again, so that edge or node
    /// falls back to its next choice. Returns the cell and how many skips were struck (null max: the cell as derived).
    /// </summary>
    public static (IReadOnlyList<IReadOnlyList<GenotypeEdge>> Cell, int Removed) CapSkips(double[][] weights,
        double[]? edgeWeights, int? max, Func<double[][], IReadOnlyList<IReadOnlyList<GenotypeEdge>>> derive,
        IReadOnlyList<string> primitives)
    {
        var cell = derive(weights);
        if (max is not int limit) return (cell, 0);
        int skip = primitives.ToList().IndexOf(Operations.SkipConnect);
        if (skip < 0) return (cell, 0);
        var w = weights.Select(row => row.ToArray()).ToArray();
        int removed = 0;
        while (SkipCount(cell) > limit && removed < w.Length)
        {
            var weakest = cell.SelectMany((node, n) => node.Where(e => e.Operation == Operations.SkipConnect)
                    .Select(e => CellTopology.FirstEdge(n) + e.Input))
                .OrderBy(row => w[row][skip] * (edgeWeights?[row] ?? 1.0)).ThenByDescending(row => row)
                .First();
            w[weakest][skip] = -1; // below every weight (softmax and sigmoid weights are >= 0)
            removed++;
            cell = derive(w);
        }
        return (cell, removed);
    }

    /// <summary>Number of <c>skip_connect</c> edges in a derived cell (the DARTS+ collapse signal).</summary>
    public static int SkipCount(IReadOnlyList<IReadOnlyList<GenotypeEdge>> cell) =>
        cell.Sum(node => node.Count(e => e.Operation == Operations.SkipConnect));

    private static (GenotypeEdge Edge, double Strength) Best(double[] row, double edgeWeight,
        IReadOnlyList<string> primitives, int input)
    {
        if (row.Length != primitives.Count)
            throw new ArgumentException($"a weight row has {row.Length} entries for {primitives.Count} operations");
        int best = -1;
        for (int o = 0; o < row.Length; o++)
        {
            if (primitives[o] == Operations.None) continue;
            if (best < 0 || row[o] > row[best]) best = o;
        }
        if (best < 0) throw new ArgumentException("the search space has no operation other than 'none'");
        return (new GenotypeEdge(primitives[best], input), row[best] * edgeWeight);
    }
}
