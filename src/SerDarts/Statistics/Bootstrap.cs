using SerDarts.Runtime;
using MathNet.Numerics.Statistics;

namespace SerDarts.Statistics;

/// <summary>
/// Percentile bootstrap of a mean over clusters (test speakers): a resample draws as many clusters as there are,
/// with replacement, and keeps every value of each drawn cluster together, so the seeds of one speaker are never
/// treated as independent speakers.
/// </summary>
/// <remarks>
/// The resampling is fixed so that others can recompute it: one <see cref="SplitMix64"/> seeded with
/// <see cref="BootstrapOptions.Seed"/>; for each resample in turn, k draws of <see cref="SplitMix64.NextIndex"/>(k)
/// pick clusters; the resample's mean is the sum of the picked clusters' values, added in cluster order and
/// within a cluster in the given order, divided by their count. The interval's ends are the (1 - level) / 2 and
/// (1 + level) / 2 quantiles of the sorted means, interpolated linearly between order statistics (numpy's default
/// percentile, R type 7). With equal cluster sizes the mean of a resample is the mean of the cluster means.
/// </remarks>
public static class Bootstrap
{
    /// <summary>The resampled means, in the order they were drawn.</summary>
    public static double[] ResampledMeans(IReadOnlyList<IReadOnlyList<double>> clusters, BootstrapOptions? options = null)
    {
        var o = options ?? BootstrapOptions.Default;
        o.Validate();
        Check(clusters);
        var rng = new SplitMix64(o.Seed);
        var means = new double[o.Resamples];
        for (int b = 0; b < means.Length; b++)
        {
            double sum = 0;
            int count = 0;
            for (int i = 0; i < clusters.Count; i++)
            {
                var cluster = clusters[rng.NextIndex(clusters.Count)];
                foreach (var v in cluster)
                    sum += v;
                count += cluster.Count;
            }
            means[b] = sum / count;
        }
        return means;
    }

    /// <summary>The percentile interval of the mean at <see cref="BootstrapOptions.Level"/>.</summary>
    public static Interval PercentileInterval(IReadOnlyList<IReadOnlyList<double>> clusters, BootstrapOptions? options = null)
    {
        var o = options ?? BootstrapOptions.Default;
        var means = ResampledMeans(clusters, o);
        Array.Sort(means);
        double tail = (1 - o.Level) / 2;
        return new Interval(
            SortedArrayStatistics.QuantileCustom(means, tail, QuantileDefinition.R7),
            SortedArrayStatistics.QuantileCustom(means, 1 - tail, QuantileDefinition.R7));
    }

    private static void Check(IReadOnlyList<IReadOnlyList<double>> clusters)
    {
        ArgumentNullException.ThrowIfNull(clusters);
        if (clusters.Count == 0)
            throw new ArgumentException("a bootstrap needs at least one cluster (test speaker)", nameof(clusters));
        for (int i = 0; i < clusters.Count; i++)
        {
            if (clusters[i].Count == 0)
                throw new ArgumentException($"cluster {i} has no values", nameof(clusters));
            if (clusters[i].Any(v => !double.IsFinite(v)))
                throw new ArgumentException($"cluster {i} holds a value that is not finite", nameof(clusters));
        }
    }
}
