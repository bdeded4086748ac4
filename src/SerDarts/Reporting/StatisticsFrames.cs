using Microsoft.Data.Analysis;
using SerDarts.Experiments.Analysis;
using SerDarts.Statistics;

namespace SerDarts.Reporting;

/// <summary>A suite's statistics as DataFrames of raw numbers (fractions in [0, 1], full precision), for CSV and
/// for analysis in notebooks; <see cref="ResultTables"/> holds the same as formatted display tables.</summary>
public static class StatisticsFrames
{
    /// <summary>One row per level: observation, speaker and unit counts, mean, sample std and the 95% CI over units of
    /// UA and WA, and UA and WA over the pooled test clips.</summary>
    public static DataFrame Levels(IReadOnlyList<SuiteReport> reports) => Levels(reports, r => r.Levels);

    /// <summary>The authors' scoring (best test epoch per trial), labelled by its protocol.</summary>
    public static DataFrame Optimistic(IReadOnlyList<SuiteReport> reports) => Levels(reports, r => r.Optimistic);

    public static DataFrame Comparisons(IReadOnlyList<SuiteReport> reports) => new FrameBuilder<LevelComparison>(reports.SelectMany(r => r.Comparisons).ToList())
        .Text("suite", c => c.Suite).Text("factor", c => c.Factor).Text("reference", c => c.Reference).Text("level", c => c.Level)
        .Text("variant", c => c.Variant)
        .Text("unit", c => c.Unit).Number("units", c => c.Ua?.Units ?? double.NaN)
        .Number("pairs", c => c.Ua?.Pairs ?? double.NaN).Number("speakers", c => c.Ua?.Speakers ?? double.NaN)
        .Number("ua_difference", c => c.Ua?.MeanDifference ?? double.NaN)
        .Number("ua_difference_ci_low", c => c.Ua?.Ci.Low ?? double.NaN).Number("ua_difference_ci_high", c => c.Ua?.Ci.High ?? double.NaN)
        .Number("wilcoxon_p", c => c.Ua?.Wilcoxon.PValue ?? double.NaN).Text("wilcoxon_method", c => c.Ua is { } u ? ResultTables.MethodName(u.Wilcoxon.Method) : null)
        .Number("p_holm", c => c.PHolm ?? double.NaN).Number("min_attainable_p", c => c.Ua?.MinAttainableP ?? double.NaN)
        .Number("wilcoxon_statistic", c => c.Ua?.Wilcoxon.Statistic ?? double.NaN).Number("wilcoxon_z", c => c.Ua?.Wilcoxon.Z ?? double.NaN)
        .Number("unmatched_reference", c => c.Ua?.UnmatchedReference ?? double.NaN).Number("unmatched_level", c => c.Ua?.UnmatchedLevel ?? double.NaN)
        .Text("problem", c => c.Problem)
        .Build();

    /// <summary>Every (variant, trial, test speaker) result: the observations behind the levels and comparisons.</summary>
    public static DataFrame Speakers(IReadOnlyList<SuiteReport> reports) =>
        new FrameBuilder<(string Suite, SpeakerResult Row)>(reports.SelectMany(r => r.Speakers.Select(s => (r.Suite, s))).ToList())
        .Text("suite", r => r.Suite).Text("variant", r => r.Row.Variant).Text("speaker", r => r.Row.Speaker).Integer("fold", r => r.Row.Fold)
        .Integer("seed", r => r.Row.Seed).Text("unit", r => r.Row.Unit).Integer("clips", r => r.Row.Clips).Number("ua", r => r.Row.UnweightedAccuracy)
        .Number("wa", r => r.Row.WeightedAccuracy)
        .Build();

    private static DataFrame Levels(IReadOnlyList<SuiteReport> reports, Func<SuiteReport, IReadOnlyList<LevelStatistics>> levels) =>
        new FrameBuilder<(SuiteReport Report, LevelStatistics Level)>(reports.SelectMany(r => levels(r).Select(l => (r, l))).ToList())
        .Text("suite", r => r.Report.Suite).Text("variant", r => r.Level.Variant.Variant).Text("factor", r => r.Level.Variant.Factor)
        .Text("level", r => r.Level.Variant.Level).Text("model", r => r.Level.Variant.Model).Integer("trials", r => r.Level.Trials)
        .Integer("seeds", r => SpeakerMeans.Seeds(r.Report, r.Level.Variant.Variant))
        .Integer("observations", r => r.Level.Ua?.Count ?? 0).Integer("speakers", r => r.Level.Ua?.Speakers ?? 0)
        .Text("unit", r => r.Level.Unit).Integer("units", r => r.Level.Ua?.Units ?? 0)
        .Number("ua_mean", r => Mean(r.Level.Ua)).Number("ua_std", r => Std(r.Level.Ua))
        .Number("ua_ci_low", r => Low(r.Level.Ua)).Number("ua_ci_high", r => High(r.Level.Ua))
        .Number("wa_mean", r => Mean(r.Level.Wa)).Number("wa_std", r => Std(r.Level.Wa))
        .Number("wa_ci_low", r => Low(r.Level.Wa)).Number("wa_ci_high", r => High(r.Level.Wa))
        .Number("pooled_ua", r => r.Level.Pooled?.Ua ?? double.NaN).Number("pooled_wa", r => r.Level.Pooled?.Wa ?? double.NaN)
        .Text("protocol", r => r.Level.Protocol).Text("spec_hash", r => r.Level.Variant.SpecHash)
        .Build();

    private static double Mean(LevelSummary? s) => s?.Mean ?? double.NaN;
    private static double Std(LevelSummary? s) => s?.Std ?? double.NaN;
    private static double Low(LevelSummary? s) => s?.Ci.Low ?? double.NaN;
    private static double High(LevelSummary? s) => s?.Ci.High ?? double.NaN;
}
