namespace SerDarts.Experiments.Analysis;

/// <summary>Mean and <b>sample</b> standard deviation (divisor n - 1) of one metric over trials.
/// Mean is NaN without values; the standard deviation is NaN with fewer than two.</summary>
public sealed record MetricSummary(int Count, double Mean, double StandardDeviation)
{
    public static MetricSummary Of(IReadOnlyCollection<double> values)
    {
        var n = values.Count;
        if (n == 0) return new MetricSummary(0, double.NaN, double.NaN);
        var mean = values.Sum() / n;
        // Two passes: the squared deviations from the mean, not the difference of large sums.
        var std = n < 2 ? double.NaN : Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (n - 1));
        return new MetricSummary(n, mean, std);
    }
}
