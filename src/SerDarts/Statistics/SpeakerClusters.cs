namespace SerDarts.Statistics;

/// <summary>Observations grouped by speaker: speakers in ordinal order, each speaker's values in seed order.</summary>
internal static class SpeakerClusters
{
    public static IReadOnlyList<IReadOnlyList<double>> Of(IReadOnlyList<Observation> observations)
    {
        ArgumentNullException.ThrowIfNull(observations);
        var duplicate = observations.GroupBy(o => (o.Speaker, o.Seed)).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new ArgumentException($"speaker '{duplicate.Key.Speaker}' seed {duplicate.Key.Seed} appears {duplicate.Count()} times", nameof(observations));
        return observations.GroupBy(o => o.Speaker, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (IReadOnlyList<double>)g.OrderBy(o => o.Seed).Select(o => o.Value).ToList()).ToList();
    }
}
