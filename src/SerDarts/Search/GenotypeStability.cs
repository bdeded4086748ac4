using SerDarts.Networks;

namespace SerDarts.Search;

/// <summary>
/// How much repeated searches agree: the mean over pairs of genotypes of the Jaccard index |A n B| / |A u B| of
/// their derived edge sets, one cell type at a time; an edge is (node, input, operation). 1 = every repeat derived
/// the same cell; two cells with no edge in common score 0.
/// </summary>
public static class GenotypeStability
{
    /// <summary>Below this mean pairwise Jaccard (normal cell) a search is reported as unstable: repeats share
    /// less than half of their edges, so one run's genotype says little about the method.</summary>
    public const double UnstableBelow = 0.5;

    public static double Jaccard(IReadOnlyList<IReadOnlyList<GenotypeEdge>> a, IReadOnlyList<IReadOnlyList<GenotypeEdge>> b)
    {
        var setA = Edges(a);
        var setB = Edges(b);
        int union = setA.Union(setB).Count();
        return union == 0 ? 1.0 : (double)setA.Intersect(setB).Count() / union;
    }

    /// <summary>Mean pairwise Jaccard of the cells (NaN for fewer than two).</summary>
    public static double MeanPairwiseJaccard(IReadOnlyList<IReadOnlyList<IReadOnlyList<GenotypeEdge>>> cells)
    {
        if (cells.Count < 2) return double.NaN;
        double sum = 0;
        int pairs = 0;
        for (int i = 0; i < cells.Count; i++)
            for (int j = i + 1; j < cells.Count; j++) { sum += Jaccard(cells[i], cells[j]); pairs++; }
        return sum / pairs;
    }

    /// <summary>Stability of both cell types over <paramref name="genotypes"/>.</summary>
    public static (double Normal, double Reduce) Of(IReadOnlyList<Genotype> genotypes) =>
        (MeanPairwiseJaccard(genotypes.Select(g => g.Normal).ToList()), MeanPairwiseJaccard(genotypes.Select(g => g.Reduce).ToList()));

    private static HashSet<(int Node, int Input, string Operation)> Edges(IReadOnlyList<IReadOnlyList<GenotypeEdge>> cell) =>
        cell.SelectMany((node, n) => node.Select(e => (n, e.Input, e.Operation))).ToHashSet();
}
