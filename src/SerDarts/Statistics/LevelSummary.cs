using MathNet.Numerics.Statistics;

namespace SerDarts.Statistics;

/// <summary>
/// One level of a factor: <paramref name="Count"/> observations (speaker x seed) of <paramref name="Speakers"/>
/// test speakers, their mean, their sample standard deviation (n - 1; NaN for one observation) and the
/// percentile bootstrap interval of the mean over test speakers.
/// </summary>
public sealed record LevelSummary(int Count, int Speakers, double Mean, double Std, Interval Ci)
{
    /// <summary>Summarises the observations of one level; duplicate (speaker, seed) pairs are an error.</summary>
    public static LevelSummary Of(IReadOnlyList<Observation> observations, BootstrapOptions? options = null)
    {
        var clusters = SpeakerClusters.Of(observations);
        var values = clusters.SelectMany(c => c).ToArray();
        if (values.Length == 0) throw new ArgumentException("no observations to summarise", nameof(observations));
        return new LevelSummary(values.Length, clusters.Count, values.Mean(), values.StandardDeviation(),
            Bootstrap.PercentileInterval(clusters, options));
    }
}
