using SerDarts.Experiments.Analysis;

namespace SerDarts.Reporting;

/// <summary>The per-speaker view of a suite: test speakers in fold order (then by name), variants in suite order.</summary>
public static class SpeakerMeans
{
    public static IReadOnlyList<SpeakerMean> Of(SuiteReport report) =>
        (from variant in Variants(report)
         from speaker in Speakers(report)
         let rows = report.Speakers.Where(s => s.Variant == variant && s.Speaker == speaker).ToList()
         where rows.Count > 0
         select new SpeakerMean(variant, speaker, rows.Count, rows.Average(r => r.UnweightedAccuracy))).ToList();

    /// <summary>How many seeds a variant's results come from.</summary>
    public static int Seeds(SuiteReport report, string variant) =>
        report.Speakers.Where(s => s.Variant == variant).Select(s => s.Seed).Distinct().Count();

    /// <summary>Test speakers in the order of their folds, then by name.</summary>
    public static IReadOnlyList<string> Speakers(SuiteReport report) => report.Speakers
        .GroupBy(s => s.Speaker).OrderBy(g => g.Min(s => s.Fold)).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key).ToList();

    /// <summary>Variants with at least one speaker result, in suite order.</summary>
    public static IReadOnlyList<string> Variants(SuiteReport report)
    {
        var tested = report.Speakers.Select(s => s.Variant).ToHashSet(StringComparer.Ordinal);
        return report.Levels.Select(l => l.Variant.Variant).Where(tested.Contains).ToList();
    }
}
