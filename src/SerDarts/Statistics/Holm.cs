namespace SerDarts.Statistics;

/// <summary>
/// Holm's step-down adjustment of a family of p-values (the levels of one factor against its reference):
/// sorted ascending, the i-th (0-based) of m becomes max over j &lt;= i of min(1, (m - j) p_(j)), returned in the
/// input order. statsmodels' multipletests(method="holm") computes the same numbers.
/// </summary>
public static class Holm
{
    public static double[] Adjust(IReadOnlyList<double> pValues)
    {
        ArgumentNullException.ThrowIfNull(pValues);
        if (pValues.Any(p => !(p >= 0 && p <= 1)))
            throw new ArgumentException("a p-value lies outside [0, 1]", nameof(pValues));
        int m = pValues.Count;
        var order = Enumerable.Range(0, m).OrderBy(i => pValues[i]).ThenBy(i => i).ToArray();
        var adjusted = new double[m];
        double running = 0;
        for (int rank = 0; rank < m; rank++)
        {
            running = Math.Max(running, Math.Min(1.0, (m - rank) * pValues[order[rank]]));
            adjusted[order[rank]] = running;
        }
        return adjusted;
    }
}
