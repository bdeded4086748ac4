using MathNet.Numerics;

namespace SerDarts.Statistics;

/// <summary>
/// scipy.stats.wilcoxon(d) with its defaults (zero_method "wilcox", correction False, two-sided,
/// method "auto") as scipy 1.13 and later decide "auto": more than 50 differences -> normal approximation;
/// otherwise no zeros and no ties -> exact; otherwise at most 13 differences -> exact sign-flip permutation
/// (scipy's deterministic permutation_test); otherwise normal approximation. n counts the zeros too.
/// </summary>
/// <remarks>
/// scipy 1.10 (Debian 12) agrees except for ties among at most 50 differences, where its "exact" branch
/// truncates a half-integer R+ and it has no sign-flip branch; the tests take those references from scipy's
/// normal approximation and from scipy.stats.permutation_test. When every difference is zero there is no signed
/// difference to test and the p-value is 1 (scipy: 1 up to 13 differences, NaN above).
/// </remarks>
public static class Wilcoxon
{
    public const int ExactLimit = 50;
    public const int SignFlipLimit = 13;

    /// <summary>The smallest two-sided p-value an exact signed-rank test of <paramref name="units"/> differences can
    /// give (every difference of one sign): 2 / 2^n, at most 1. With 5 units it is 0.0625, so no result can reach 0.05.</summary>
    public static double MinAttainableP(int units) =>
        units < 1 ? 1.0 : Math.Min(1.0, 2.0 / Math.Pow(2, units));

    /// <summary>Tests whether the differences are centred on zero.</summary>
    public static WilcoxonResult SignedRank(IReadOnlyList<double> differences)
    {
        ArgumentNullException.ThrowIfNull(differences);
        if (differences.Count == 0) throw new ArgumentException("no differences to test", nameof(differences));
        if (differences.Any(d => !double.IsFinite(d))) throw new ArgumentException("a difference is not finite", nameof(differences));
        int n = differences.Count;
        var nonzero = differences.Where(d => d != 0).ToArray();
        int zeros = n - nonzero.Length;
        var (ranks, tieCorrection) = Ranks.Average(nonzero.Select(Math.Abs).ToArray());
        double plus = 0, minus = 0;
        for (int i = 0; i < nonzero.Length; i++)
            if (nonzero[i] > 0) plus += ranks[i]; else minus += ranks[i];
        if (nonzero.Length == 0)
            return new WilcoxonResult(n, zeros, 0, 0, null, 1.0, WilcoxonMethod.SignFlip);
        var method = n > ExactLimit ? WilcoxonMethod.Normal
            : zeros == 0 && tieCorrection == 0 ? WilcoxonMethod.Exact
            : n <= SignFlipLimit ? WilcoxonMethod.SignFlip
            : WilcoxonMethod.Normal;
        if (method != WilcoxonMethod.Normal)
        {
            var distribution = new SignFlipDistribution(ranks);
            double p = Math.Min(1.0, 2 * Math.Min(distribution.AtMost(plus), distribution.AtLeast(plus)));
            return new WilcoxonResult(n, zeros, plus, minus, null, p, method);
        }
        double m = nonzero.Length;
        double mean = m * (m + 1) / 4;
        double sigma = Math.Sqrt((m * (m + 1) * (2 * m + 1) - tieCorrection / 2) / 24);
        double z = (plus - mean) / sigma;
        return new WilcoxonResult(n, zeros, plus, minus, z, SpecialFunctions.Erfc(Math.Abs(z) / Math.Sqrt(2)), method);
    }
}
