namespace SerDarts.Statistics;

/// <summary>Average ranks (1-based; tied values share the mean of their positions) and the tie sizes.</summary>
internal static class Ranks
{
    /// <summary>Ranks of <paramref name="values"/> in input order, and Σ (t³ - t) over groups of t equal values.</summary>
    public static (double[] Ranks, double TieCorrection) Average(IReadOnlyList<double> values)
    {
        var order = Enumerable.Range(0, values.Count).OrderBy(i => values[i]).ToArray();
        var ranks = new double[values.Count];
        double correction = 0;
        for (int start = 0; start < order.Length;)
        {
            int end = start;
            while (end + 1 < order.Length && values[order[end + 1]] == values[order[start]]) end++;
            double rank = (start + end) / 2.0 + 1; // positions start..end (0-based) share ranks start+1..end+1
            for (int k = start; k <= end; k++) ranks[order[k]] = rank;
            double t = end - start + 1;
            correction += t * t * t - t;
            start = end + 1;
        }
        return (ranks, correction);
    }
}
