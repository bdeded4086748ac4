using MathNet.Numerics;

namespace SerDarts.Statistics;

/// <summary>How a Wilcoxon p-value was computed.</summary>
public enum WilcoxonMethod
{
    /// <summary>Wilcoxon's exact null distribution (no zeros, no ties, at most 50 differences).</summary>
    Exact,

    /// <summary>All 2^n sign patterns of the ranks as they are (ties or zeros, at most 13 differences).</summary>
    SignFlip,

    /// <summary>Normal approximation with the tie correction of the variance, no continuity correction.</summary>
    Normal,
}
