namespace SerDarts.Audio;

/// <summary>
/// Durations far from the rest of a corpus, by the robust z-score of Iglewicz and Hoaglin on log durations
/// (corpus durations are right-skewed; on a log scale a clip 4x longer and one 4x shorter than typical are
/// equally odd): z = 0.6745 (ln d - median) / MAD, flagged when |z| &gt; 3.5. When at least half the clips share
/// one duration the MAD is 0 and 1.2533 x the mean absolute deviation from the median stands in for MAD / 0.6745
/// (both estimate the standard deviation of a normal law); if that is 0 too, no clip is an outlier.
/// </summary>
public static class DurationOutliers
{
    /// <summary>|z| above this is an outlier.</summary>
    public const double Threshold = 3.5;

    /// <summary>Fewer clips than this say nothing about a typical duration.</summary>
    public const int MinimumClips = 3;

    /// <summary>Indices of the outliers with their z-scores, in index order; the median duration in seconds.</summary>
    public static (IReadOnlyList<(int Index, double Z)> Outliers, double MedianSeconds) Find(IReadOnlyList<double> seconds)
    {
        if (seconds.Count == 0) return ([], double.NaN);
        var logs = seconds.Select(s => Math.Log(Math.Max(s, 1e-6))).ToArray();
        double median = Median(logs);
        if (seconds.Count < MinimumClips) return ([], Math.Exp(median));
        double mad = Median(logs.Select(l => Math.Abs(l - median)).ToArray());
        double scale = mad > 0 ? mad / 0.6745 : 1.2533 * logs.Average(l => Math.Abs(l - median));
        if (scale <= 0) return ([], Math.Exp(median));
        var outliers = logs.Select((l, i) => (Index: i, Z: (l - median) / scale)).Where(p => Math.Abs(p.Z) > Threshold).ToList();
        return (outliers, Math.Exp(median));
    }

    private static double Median(double[] values)
    {
        var sorted = values.Order().ToArray();
        int n = sorted.Length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
