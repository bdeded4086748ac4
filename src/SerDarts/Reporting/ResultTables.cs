using SerDarts.Experiments.Analysis;
using SerDarts.Experiments.Store;
using SerDarts.Networks;
using System.Globalization;
using Microsoft.Data.Analysis;
using SerDarts.Corpora;
using SerDarts.Statistics;

namespace SerDarts.Reporting;

/// <summary>Display tables (DataFrames of formatted text) for the results verb, the report and the notebooks. Metrics
/// are shown in percent as "mean ± sample std" (divisor n - 1): over every completed fold x seed trial here, over
/// (test speaker, seed) observations with a bootstrap CI in <see cref="Levels"/>.</summary>
public static partial class ResultTables
{
    public static DataFrame Aggregate(IReadOnlyList<VariantAggregate> aggregates) => new FrameBuilder<VariantAggregate>(aggregates)
        .Text("suite", a => a.Suite).Text("factor", a => a.Factor).Text("level", a => a.Level)
        .Text("model", a => NetworkKinds.DisplayName(a.Model)).Integer("trials", a => a.Trials)
        .Text("UA (%)", a => Percent(a.UnweightedAccuracy)).Text("WA (%)", a => Percent(a.WeightedAccuracy))
        .Text("macro-F1 (%)", a => Percent(a.MacroF1)).Text("parameters", a => Count(a.MeanParameters))
        .Build();

    /// <summary>One row per completed trial, naming every variant it stands for (variants equal to a suite's base
    /// share its trials); with <paramref name="skippedFiles"/>, how many files each trial's data left out.</summary>
    public static DataFrame Trials(IReadOnlyList<VariantRow> variants, IReadOnlyList<TrialMetricRow> metrics,
        IReadOnlyDictionary<long, IReadOnlyList<SkippedFile>>? skippedFiles = null)
    {
        var names = variants.ToLookup(v => v.SpecHash, v => v.Variant);
        var rows = metrics.Where(m => names.Contains(m.SpecHash))
            .OrderBy(m => variants.First(v => v.SpecHash == m.SpecHash).Ordinal).ThenBy(m => m.Fold).ThenBy(m => m.Seed).ToList();
        var builder = new FrameBuilder<TrialMetricRow>(rows)
            .Integer("trial", m => m.TrialId).Text("variants", m => string.Join(", ", names[m.SpecHash]))
            .Integer("fold", m => m.Fold).Integer("seed", m => m.Seed)
            .Text("UA (%)", m => Pct(m.UnweightedAccuracy)).Text("WA (%)", m => Pct(m.WeightedAccuracy))
            .Text("macro-F1 (%)", m => Pct(m.MacroF1)).Text("parameters", m => Count(m.Parameters))
            .Text("device", m => m.Device).Text("minutes", m => (m.TotalSeconds / 60).ToString("0.0", CultureInfo.InvariantCulture));
        if (skippedFiles is not null)
            builder.Integer("files left out", m => skippedFiles.TryGetValue(m.TrialId, out var files) ? files.Count : 0);
        return builder.Build();
    }

    internal static VariantAggregate? Pick(IReadOnlyList<VariantAggregate> aggregates, string model)
    {
        var candidates = aggregates.Where(a => a.Model == model && a.Trials > 0).ToList();
        return candidates.FirstOrDefault(a => a.Factor == "model") ?? candidates.OrderBy(a => a.Ordinal).FirstOrDefault();
    }

    /// <summary>"73.18 ± 1.20"; "73.18 (n = 1)" when a single trial gives no spread; "—" without results.</summary>
    public static string Percent(MetricSummary m) => m.Count switch
    {
        0 => "—",
        1 => $"{Pct(m.Mean)} (n = 1)",
        _ => $"{Pct(m.Mean)} ± {Pct(m.StandardDeviation)}",
    };

    /// <summary>"61.39 ± 1.19" over units; "61.39 (1 unit)" for one; "—" for none.</summary>
    public static string Percent(LevelSummary? s) => s switch
    {
        null => "—",
        { Units: 1 } => $"{Pct(s.Mean)} (1 unit)",
        _ => $"{Pct(s.Mean)} ± {Pct(s.Std)}",
    };

    /// <summary>An interval of fractions in percent (or percentage points): "[59.10, 63.20]".</summary>
    public static string Percent(Interval? ci) => ci is null ? "—" : $"[{Pct(ci.Low)}, {Pct(ci.High)}]";

    internal static string Pct(double fraction) => (fraction * 100).ToString("0.00", CultureInfo.InvariantCulture);

    internal static string Signed(double value) => value.ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture);

    private static string Count(double value) => double.IsFinite(value) ? value.ToString("N0", CultureInfo.InvariantCulture) : "—";
}
