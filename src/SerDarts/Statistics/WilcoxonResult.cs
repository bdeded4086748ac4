using MathNet.Numerics;

namespace SerDarts.Statistics;

/// <summary>
/// A two-sided Wilcoxon signed-rank test. <paramref name="Count"/> differences went in, <paramref name="Zeros"/>
/// of them zero (dropped before ranking: zero_method "wilcox"). <see cref="Statistic"/> is min(R+, R-), as scipy
/// reports it; <paramref name="Z"/> is (R+ - n(n+1)/4) / sigma for the normal approximation, null otherwise.
/// </summary>
public sealed record WilcoxonResult(
    int Count,
    int Zeros,
    double RankSumPositive,
    double RankSumNegative,
    double? Z,
    double PValue,
    WilcoxonMethod Method)
{
    public double Statistic => Math.Min(RankSumPositive, RankSumNegative);
}
