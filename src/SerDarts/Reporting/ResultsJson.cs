using System.Text.Encodings.Web;
using System.Text.Json;
using SerDarts.Experiments.Analysis;
using SerDarts.Statistics;

namespace SerDarts.Reporting;

/// <summary>The results as JSON (for <c>serdarts results --json</c> and scripts): fractions in [0, 1], sample
/// standard deviations, null where a value is undefined (no trials, or one observation for a deviation).</summary>
public static class ResultsJson
{
    // Relaxed escaping keeps the protocols' "·" readable; the output is JSON for files and pipes, never embedded in HTML.
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The aggregate table alone, as an array.</summary>
    public static string Aggregates(IReadOnlyList<VariantAggregate> aggregates) =>
        JsonSerializer.Serialize(aggregates.Select(Aggregate), Options);

    /// <summary>
    /// One object: <c>aggregates</c> (per variant over trials), <c>levels</c> (per variant over its independent
    /// units: <c>unit</c>, <c>units</c>, bootstrap CIs over units, <c>pooledUa</c>/<c>pooledWa</c> over all test
    /// clips, per-emotion <c>recall</c> with CIs, and the protocol), <c>comparisons</c> (each level against its
    /// factor's reference: <c>unit</c>, <c>units</c>, <c>p</c>, Holm-adjusted <c>pHolm</c>, <c>minAttainableP</c>,
    /// paired difference per unit with its CI and Wilcoxon test, or the problem), <c>optimistic</c> (levels scored
    /// the authors' way),
    /// of every suite in <paramref name="reports"/>.
    /// </summary>
    public static string Results(IReadOnlyList<VariantAggregate> aggregates, IReadOnlyList<SuiteReport> reports) =>
        JsonSerializer.Serialize(new
        {
            Aggregates = aggregates.Select(Aggregate),
            Levels = reports.SelectMany(r => r.Levels.Select(l => Level(r, l))),
            Comparisons = reports.SelectMany(r => r.Comparisons.Select(Comparison)),
            Optimistic = reports.SelectMany(r => r.Optimistic.Select(l => Level(r, l))),
        }, Options);

    private static object Aggregate(VariantAggregate a) => new
    {
        a.Suite, a.Variant, a.Factor, a.Level, a.Model, a.Trials, a.Folds, a.Seeds,
        Ua = Metric(a.UnweightedAccuracy), Wa = Metric(a.WeightedAccuracy), MacroF1 = Metric(a.MacroF1),
        Parameters = Finite(a.MeanParameters), a.SpecHash,
    };

    private static object Level(SuiteReport report, LevelStatistics l) => new
    {
        report.Suite, l.Variant.Variant, l.Variant.Factor, l.Variant.Level, l.Variant.Model, l.Trials,
        Seeds = SpeakerMeans.Seeds(report, l.Variant.Variant),
        l.Unit, Units = l.Ua?.Units,
        Ua = Summary(l.Ua), Wa = Summary(l.Wa),
        PooledUa = l.Pooled is { } p ? Finite(p.Ua) : null, PooledWa = l.Pooled is { } q ? Finite(q.Wa) : null,
        Recall = l.Pooled?.Recall.Select(r => new { r.Emotion, r.Clips, r.Recall, CiLow = r.Ci.Low, CiHigh = r.Ci.High, r.Units }),
        l.Protocol, l.Variant.SpecHash,
    };

    private static object Comparison(LevelComparison c) => new
    {
        c.Suite, c.Factor, c.Reference, c.Level, c.Variant,
        c.Unit, c.Ua?.Units, P = c.Ua?.Wilcoxon.PValue, c.PHolm, c.Ua?.MinAttainableP, Note = c.Ua?.PowerNote,
        Ua = c.Ua is not { } u ? null : new
        {
            u.Units, u.Pairs, u.Speakers, u.MeanDifference, CiLow = u.Ci.Low, CiHigh = u.Ci.High,
            Wilcoxon = new
            {
                u.Wilcoxon.PValue, Method = ResultTables.MethodName(u.Wilcoxon.Method), u.Wilcoxon.Count, u.Wilcoxon.Zeros,
                u.Wilcoxon.RankSumPositive, u.Wilcoxon.RankSumNegative, u.Wilcoxon.Statistic, u.Wilcoxon.Z,
            },
            u.UnmatchedReference, u.UnmatchedLevel,
        },
        c.Problem,
    };

    private static object? Summary(LevelSummary? s) => s is null ? null : new
    {
        Mean = Finite(s.Mean), SampleStd = Finite(s.Std), CiLow = Finite(s.Ci.Low), CiHigh = Finite(s.Ci.High), s.Count, s.Speakers, s.Units,
    };

    private static object Metric(MetricSummary m) => new { Mean = Finite(m.Mean), SampleStd = Finite(m.StandardDeviation), m.Count };

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;
}
