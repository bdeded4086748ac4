namespace SerDarts.Statistics;

/// <summary>
/// A level against its reference level over the (speaker, seed) pairs both have: differences are level minus
/// reference. <paramref name="Ci"/> is the percentile bootstrap interval of the mean difference, resampling
/// speakers (a speaker's pairs stay together); <paramref name="Wilcoxon"/> tests the pair differences (it treats
/// the seeds of one speaker as separate pairs). Pairs present on one side only are counted, not used.
/// </summary>
public sealed record PairedComparison(
    int Pairs,
    int Speakers,
    double MeanDifference,
    Interval Ci,
    WilcoxonResult Wilcoxon,
    int UnmatchedReference,
    int UnmatchedLevel)
{
    /// <summary>Compares <paramref name="level"/> with <paramref name="reference"/>, matched on (speaker, seed).</summary>
    public static PairedComparison Of(IReadOnlyList<Observation> reference, IReadOnlyList<Observation> level, BootstrapOptions? options = null)
    {
        SpeakerClusters.Of(reference); // rejects duplicates on either side with a message naming them
        SpeakerClusters.Of(level);
        var byKey = reference.ToDictionary(o => (o.Speaker, o.Seed));
        var differences = level.Where(o => byKey.ContainsKey((o.Speaker, o.Seed)))
            .Select(o => new Observation(o.Speaker, o.Seed, o.Value - byKey[(o.Speaker, o.Seed)].Value)).ToList();
        if (differences.Count == 0)
            throw new ArgumentException("the two levels share no (speaker, seed) pair");
        var clusters = SpeakerClusters.Of(differences);
        var values = clusters.SelectMany(c => c).ToArray();
        return new PairedComparison(values.Length, clusters.Count, values.Average(),
            Bootstrap.PercentileInterval(clusters, options), Statistics.Wilcoxon.SignedRank(values),
            reference.Count - values.Length, level.Count - values.Length);
    }
}
