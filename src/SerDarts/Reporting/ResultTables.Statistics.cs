using System.Globalization;
using Microsoft.Data.Analysis;
using SerDarts.Experiments.Analysis;
using SerDarts.Networks;
using SerDarts.Statistics;

namespace SerDarts.Reporting;

public static partial class ResultTables
{
    /// <summary>Says why a difference is not printed: the two numbers were not obtained the same way.</summary>
    public const string NotComparable = "not comparable: different protocol";

    /// <summary>
    /// One row per level of a suite, over its independent units (each unit's (test speaker, seed) observations
    /// averaged first): mean ± sample std and the 95% bootstrap CI (resampling units) of UA and WA, how many trials,
    /// seeds, test speakers and units, UA and WA over the pooled test clips, and a letter naming the protocol
    /// (<see cref="Protocols"/> spells it out).
    /// </summary>
    public static DataFrame Levels(SuiteReport report) => LevelTable(report, report.Levels);

    /// <summary><see cref="Levels(SuiteReport)"/> for the authors' scoring (<see cref="SuiteReport.Optimistic"/>):
    /// one observation per trial, its best test epoch; the protocol letter names that scoring.</summary>
    public static DataFrame Optimistic(SuiteReport report) => LevelTable(report, report.Optimistic);

    /// <summary>The protocols the letters of <see cref="Levels(SuiteReport)"/> stand for (of <see cref="Optimistic"/>
    /// with <paramref name="optimistic"/>); a letter means the same protocol in both.</summary>
    public static DataFrame Protocols(SuiteReport report, bool optimistic = false)
    {
        var letters = ProtocolLetters(report);
        var shown = (optimistic ? report.Optimistic : report.Levels).Select(l => l.Protocol).Distinct().ToList();
        return new FrameBuilder<string>(shown).Text("protocol", p => letters[p]).Text("description", p => p).Build();
    }

    /// <summary>
    /// Each level against its factor's first level, paired on (test speaker, seed) and reduced to one difference
    /// per independent unit: the mean difference of UA (level minus reference, percentage points) with its 95%
    /// bootstrap CI over units, the two-sided Wilcoxon signed-rank p-value of the unit differences and its Holm
    /// adjustment across the factor's levels, how many units (and of which kind), pairs and speakers; a note when
    /// so few units cannot reach p &lt; 0.05; or why no difference was taken.
    /// </summary>
    public static DataFrame Comparisons(SuiteReport report) => new FrameBuilder<LevelComparison>(report.Comparisons)
        .Text("factor", c => c.Factor).Text("reference", c => c.Reference).Text("level", c => c.Level)
        .Text("UA difference (pp)", c => c.Ua is { } u ? Signed(u.MeanDifference * 100) : "—")
        .Text("95% CI (pp)", c => c.Ua switch
        {
            null => "—",
            { Units: < 2 } => OneUnit,
            var u => $"[{Signed(u.Ci.Low * 100)}, {Signed(u.Ci.High * 100)}]",
        })
        .Text("Wilcoxon p", c => c.Ua is { } u ? PValue(u.Wilcoxon) : "—")
        .Text("Holm p", c => c.PHolm is { } p ? Probability(p) : "—")
        .Text("units", c => c.Ua is { } u ? $"{u.Units.ToString(CultureInfo.InvariantCulture)} {c.Unit}{(u.Units == 1 ? "" : "s")}" : "—")
        .Text("pairs", c => c.Ua is { } u ? u.Pairs.ToString(CultureInfo.InvariantCulture) : "—")
        .Text("speakers", c => c.Ua is { } u ? u.Speakers.ToString(CultureInfo.InvariantCulture) : "—")
        .Text("note", c => c.Problem ?? string.Join("; ", new[] { c.Ua!.PowerNote, Unpaired(c.Ua!) }.Where(n => !string.IsNullOrEmpty(n))))
        .Build();

    /// <summary>Per level with stored predictions: each emotion's recall (%) over the pooled test clips with its 95%
    /// bootstrap CI over units (a unit's clips resampled together), and how many clips.</summary>
    public static DataFrame Recall(SuiteReport report)
    {
        var rows = report.Levels.Where(l => l.Pooled is not null)
            .SelectMany(l => l.Pooled!.Recall.Select(r => (Level: l, Recall: r))).ToList();
        return new FrameBuilder<(LevelStatistics Level, EmotionRecall Recall)>(rows)
            .Text("factor", r => r.Level.Variant.Factor).Text("level", r => r.Level.Variant.Level).Text("emotion", r => r.Recall.Emotion)
            .Integer("clips", r => r.Recall.Clips)
            .Text("recall (%)", r => (r.Recall.Recall * 100).ToString("0.0", CultureInfo.InvariantCulture))
            .Text("95% CI", r => r.Recall.Units < 2 ? OneUnit : Percent(r.Recall.Ci))
            .Build();
    }

    /// <summary>"0.0625"; below 0.0001 "&lt; 0.0001".</summary>
    public static string Probability(double p) => p < 0.0001 ? "< 0.0001" : p.ToString("0.0000", CultureInfo.InvariantCulture);

    /// <summary>"0.0078 (exact)"; below 0.0001 "&lt; 0.0001 (normal)". The method says which null distribution gave it.</summary>
    public static string PValue(WilcoxonResult w)
    {
        return $"{Probability(w.PValue)} ({MethodName(w.Method)})";
    }

    /// <summary>The name tables, CSV and JSON give a Wilcoxon method: "exact", "sign-flip" or "normal".</summary>
    public static string MethodName(WilcoxonMethod method) => method switch
    {
        WilcoxonMethod.Exact => "exact",
        WilcoxonMethod.SignFlip => "sign-flip",
        _ => "normal",
    };

    /// <summary>A letter per distinct protocol of the levels (honest, then optimistic), in order of appearance.</summary>
    internal static IReadOnlyDictionary<string, string> ProtocolLetters(SuiteReport report)
    {
        var letters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var protocol in report.Levels.Concat(report.Optimistic).Select(l => l.Protocol))
            if (!letters.ContainsKey(protocol)) letters[protocol] = letters.Count < 26 ? ((char)('A' + letters.Count)).ToString() : $"P{letters.Count + 1}";
        return letters;
    }

    private static DataFrame LevelTable(SuiteReport report, IReadOnlyList<LevelStatistics> levels)
    {
        var letters = ProtocolLetters(report);
        return new FrameBuilder<LevelStatistics>(levels)
            .Text("factor", l => l.Variant.Factor).Text("level", l => l.Variant.Level).Text("model", l => NetworkKinds.DisplayName(l.Variant.Model))
            .Integer("trials", l => l.Trials).Integer("seeds", l => SpeakerMeans.Seeds(report, l.Variant.Variant))
            .Integer("speakers", l => l.Ua?.Speakers ?? 0)
            .Text("units", l => l.Ua is { } u ? $"{u.Units.ToString(CultureInfo.InvariantCulture)} {l.Unit}{(u.Units == 1 ? "" : "s")}" : "—")
            .Text("UA (%)", l => Percent(l.Ua)).Text("UA 95% CI", l => Ci(l.Ua))
            .Text("WA (%)", l => Percent(l.Wa)).Text("WA 95% CI", l => Ci(l.Wa))
            .Text("pooled UA (%)", l => l.Pooled is { } p ? (p.Ua * 100).ToString("0.0", CultureInfo.InvariantCulture) : "—")
            .Text("pooled WA (%)", l => l.Pooled is { } p ? (p.Wa * 100).ToString("0.0", CultureInfo.InvariantCulture) : "—")
            .Text("protocol", l => letters[l.Protocol])
            .Build();
    }

    /// <summary>Resampling a single unit always gives that unit back: the interval is a point, not a CI.</summary>
    private const string OneUnit = "— (1 unit)";

    private static string Ci(LevelSummary? s) => s is { Units: < 2 } ? OneUnit : Percent(s?.Ci);

    private static string Unpaired(PairedComparison c) =>
        c.UnmatchedReference + c.UnmatchedLevel == 0 ? ""
            : $"{c.UnmatchedReference} reference and {c.UnmatchedLevel} level observation(s) without a partner, left out";
}
