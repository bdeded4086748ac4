namespace SerDarts.Statistics;

/// <summary>
/// The null distribution of the positive rank sum R+ when each rank's sign is + or - with probability 1/2,
/// independently: with ranks 1..n it is Wilcoxon's exact distribution; with tied (half-integer) ranks it is the
/// exact sign-flip permutation distribution. Ranks are doubled so that every sum is an integer, and the counts of
/// the 2^n sign patterns are kept exactly (n &lt;= 62).
/// </summary>
internal sealed class SignFlipDistribution
{
    private readonly ulong[] counts; // counts[s]: sign patterns whose doubled R+ equals s
    private readonly double patterns;

    public SignFlipDistribution(IReadOnlyList<double> ranks)
    {
        if (ranks.Count > 62) throw new ArgumentOutOfRangeException(nameof(ranks), ranks.Count, "at most 62 ranks (2^n patterns are counted exactly)");
        var doubled = ranks.Select(Double).ToArray();
        counts = new ulong[doubled.Sum() + 1];
        counts[0] = 1;
        int reach = 0;
        foreach (var r in doubled)
        {
            for (int s = reach; s >= 0; s--) // descending, so each rank is added at most once per pattern
                counts[s + r] += counts[s];
            reach += r;
        }
        patterns = Math.Pow(2, ranks.Count);
    }

    /// <summary>P(R+ &lt;= r).</summary>
    public double AtMost(double rankSum) => Sum(0, Double(rankSum)) / patterns;

    /// <summary>P(R+ &gt;= r).</summary>
    public double AtLeast(double rankSum) => Sum(Double(rankSum), counts.Length - 1) / patterns;

    private double Sum(int from, int to)
    {
        ulong total = 0;
        for (int s = Math.Max(from, 0); s <= Math.Min(to, counts.Length - 1); s++) total += counts[s];
        return total;
    }

    private static int Double(double rank) => checked((int)Math.Round(2 * rank));
}
