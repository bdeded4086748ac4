using SerDarts.Networks;

namespace SerDarts.Search;

/// <summary>
/// Did the search find anything? Measures on the architecture weights that show failure: the mean normalised
/// entropy of the edges' operation distributions (1 = every edge uniform, the state the search starts from;
/// 0 = every edge certain) and how many derived edges changed between epochs.
/// </summary>
public static class ArchitectureDiagnostics
{
    /// <summary>A search whose normal-cell entropy never falls below this has not moved its architecture: the
    /// genotype is close to a random draw from the search space.</summary>
    public const double FlatEntropy = 0.98;

    /// <summary>Mean over edges of H(p) / ln(K), p a row of weights over K operations scaled to sum 1 (softmax
    /// rows already do; FairDARTS' sigmoid rows do not) (natural log; 0 ln 0 = 0).</summary>
    public static double MeanNormalisedEntropy(double[][] weights)
    {
        if (weights.Length == 0) return double.NaN;
        return weights.Average(row =>
        {
            if (row.Length < 2) return 0.0;
            double total = row.Where(p => p > 0).Sum();
            if (total <= 0) return 1.0;
            double h = row.Where(p => p > 0).Sum(p => -(p / total) * Math.Log(p / total));
            return h / Math.Log(row.Length);
        });
    }

    /// <summary>Edges of <paramref name="current"/> (both cells) that are not in the same node of <paramref name="previous"/>.</summary>
    public static int ChangedEdges(Genotype previous, Genotype current) =>
        Changed(previous.Normal, current.Normal) + Changed(previous.Reduce, current.Reduce);

    /// <summary>The warning a flat search ends with, or null when the normal cell moved.</summary>
    public static string? FlatWarning(IReadOnlyList<SearchEpochRecord> history)
    {
        var moved = history.Where(r => r.ArchitectureUpdated).ToList();
        if (moved.Count == 0 || moved.Min(r => r.NormalEntropy) < FlatEntropy) return null;
        double lowest = moved.Min(r => r.NormalEntropy);
        return FormattableString.Invariant(
            $"the architecture weights did not move: the normal cell's mean normalised entropy stayed at or above {FlatEntropy} (lowest {lowest:F4}; 1 = uniform), so the genotype is close to random. ")
            + "Search longer, raise search.archLearningRate, or check that the supernet learns (its validation UA).";
    }

    private static int Changed(IReadOnlyList<IReadOnlyList<GenotypeEdge>> before, IReadOnlyList<IReadOnlyList<GenotypeEdge>> after)
    {
        int changed = 0;
        for (int node = 0; node < after.Count; node++)
        {
            List<GenotypeEdge> old = node < before.Count ? [.. before[node]] : [];
            foreach (var edge in after[node])
                if (!old.Remove(edge)) changed++;
        }
        return changed;
    }
}
