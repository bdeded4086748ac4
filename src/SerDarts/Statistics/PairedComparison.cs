namespace SerDarts.Statistics;

/// <summary>
/// A level against its reference level. Differences (level minus reference) are taken over the (speaker, seed)
/// pairs both have, then reduced to one difference per independent unit (a speaker's seeds averaged, then the
/// unit's speakers): <paramref name="Units"/> of them. <paramref name="MeanDifference"/> is their mean,
/// <paramref name="Ci"/> its percentile bootstrap interval resampling units, <paramref name="Wilcoxon"/> the
/// signed-rank test of the unit differences, and <paramref name="MinAttainableP"/> the smallest p-value that
/// test could give with this many units. Pairs present on one side only are counted, not used.
/// </summary>
public sealed record PairedComparison(
    int Pairs,
    int Speakers,
    double MeanDifference,
    Interval Ci,
    WilcoxonResult Wilcoxon,
    int UnmatchedReference,
    int UnmatchedLevel,
    int Units,
    double MinAttainableP)
{
    /// <summary>The conventional threshold <see cref="PowerNote"/> speaks of.</summary>
    public const double Alpha = 0.05;

    /// <summary>"5 units: a signed-rank test cannot reach 0.05" when so few units make significance impossible; else null.</summary>
    public string? PowerNote => MinAttainableP > Alpha
        ? $"{Units} unit{(Units == 1 ? "" : "s")}: a signed-rank test cannot reach {Alpha.ToString(System.Globalization.CultureInfo.InvariantCulture)} (smallest attainable p = {MinAttainableP.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture)})"
        : null;

    /// <summary>Compares <paramref name="level"/> with <paramref name="reference"/>, matched on (speaker, seed).</summary>
    public static PairedComparison Of(IReadOnlyList<Observation> reference, IReadOnlyList<Observation> level, BootstrapOptions? options = null)
    {
        UnitValues.Units(reference); // rejects duplicates on either side with a message naming them
        UnitValues.Units(level);
        var byKey = reference.ToDictionary(o => (o.Speaker, o.Seed));
        var differences = level.Where(o => byKey.ContainsKey((o.Speaker, o.Seed)))
            .Select(o => new Observation(o.Speaker, o.Seed, o.Value - byKey[(o.Speaker, o.Seed)].Value, o.Unit)).ToList();
        if (differences.Count == 0)
            throw new ArgumentException("the two levels share no (speaker, seed) pair");
        var units = UnitValues.Units(differences);
        var values = units.Select(u => u.Value).ToArray();
        return new PairedComparison(differences.Count, units.Sum(u => u.Speakers), values.Average(),
            Bootstrap.PercentileInterval(UnitValues.Clusters(units), options), Statistics.Wilcoxon.SignedRank(values),
            reference.Count - differences.Count, level.Count - differences.Count, units.Count,
            Statistics.Wilcoxon.MinAttainableP(units.Count));
    }
}
