using MathNet.Numerics.Statistics;

namespace SerDarts.Statistics;

/// <summary>
/// One level of a factor: <paramref name="Count"/> observations (speaker x seed) of <paramref name="Speakers"/>
/// test speakers in <paramref name="Units"/> independent units. Each unit is reduced to one value (its speakers'
/// seed means, averaged); <paramref name="Mean"/> is the mean of those values, <paramref name="Std"/> their sample
/// standard deviation (n - 1; NaN for one unit) and <paramref name="Ci"/> the percentile bootstrap interval of the
/// mean over units.
/// </summary>
public sealed record LevelSummary(int Count, int Speakers, double Mean, double Std, Interval Ci, int Units)
{
    /// <summary>Summarises the observations of one level; duplicate (speaker, seed) pairs are an error.</summary>
    public static LevelSummary Of(IReadOnlyList<Observation> observations, BootstrapOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(observations);
        if (observations.Count == 0) throw new ArgumentException("no observations to summarise", nameof(observations));
        var units = UnitValues.Units(observations);
        var values = units.Select(u => u.Value).ToArray();
        return new LevelSummary(observations.Count, units.Sum(u => u.Speakers), values.Mean(), values.StandardDeviation(),
            Bootstrap.PercentileInterval(UnitValues.Clusters(units), options), units.Count);
    }
}
