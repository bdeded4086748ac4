namespace SerDarts.Statistics;

/// <summary>Observations reduced to one value per independent unit, units in ordinal order: each speaker's seeds
/// averaged, then the unit's speakers averaged, so a unit weighs the same however many seeds or speakers it has.</summary>
internal static class UnitValues
{
    public static IReadOnlyList<(string Unit, int Speakers, double Value)> Units(IReadOnlyList<Observation> observations)
    {
        ArgumentNullException.ThrowIfNull(observations);
        var duplicate = observations.GroupBy(o => (o.Speaker, o.Seed)).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new ArgumentException($"speaker '{duplicate.Key.Speaker}' seed {duplicate.Key.Seed} appears {duplicate.Count()} times", nameof(observations));
        var split = observations.GroupBy(o => o.Speaker).FirstOrDefault(g => g.Select(o => o.UnitKey).Distinct().Count() > 1);
        if (split is not null)
            throw new ArgumentException($"speaker '{split.Key}' appears in more than one unit", nameof(observations));
        if (observations.Any(o => !double.IsFinite(o.Value)))
            throw new ArgumentException("an observation holds a value that is not finite", nameof(observations));
        return observations.GroupBy(o => o.UnitKey, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(unit =>
            {
                var speakers = unit.GroupBy(o => o.Speaker, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
                    .Select(s => s.OrderBy(o => o.Seed).Average(o => o.Value)).ToList();
                return (unit.Key, speakers.Count, speakers.Average());
            }).ToList();
    }

    /// <summary>Each unit's value as a one-value cluster, for <see cref="Bootstrap"/>.</summary>
    public static IReadOnlyList<IReadOnlyList<double>> Clusters(IReadOnlyList<(string Unit, int Speakers, double Value)> units) =>
        units.Select(u => (IReadOnlyList<double>)[u.Value]).ToList();
}
