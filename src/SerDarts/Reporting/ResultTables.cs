using SerDarts.Networks;
using System.Globalization;
using Microsoft.Data.Analysis;
using SerDarts.Experiments;

namespace SerDarts.Reporting;

/// <summary>Display tables (DataFrames of formatted text) for the results verb and the report. Metrics are shown
/// in percent as "mean ± sample std" (divisor n - 1) over every completed fold x seed trial.</summary>
public static class ResultTables
{
    public static DataFrame Aggregate(IReadOnlyList<VariantAggregate> aggregates) => new FrameBuilder<VariantAggregate>(aggregates)
        .Text("suite", a => a.Suite).Text("factor", a => a.Factor).Text("level", a => a.Level)
        .Text("model", a => NetworkKinds.DisplayName(a.Model)).Integer("trials", a => a.Trials)
        .Text("UA (%)", a => Percent(a.UnweightedAccuracy)).Text("WA (%)", a => Percent(a.WeightedAccuracy))
        .Text("macro-F1 (%)", a => Percent(a.MacroF1)).Text("parameters", a => Count(a.MeanParameters))
        .Build();

    /// <summary>Our UA next to the paper's for its three models. For each model the variant of the suite's
    /// "model" factor is used when there is one, else the first variant of that model with results.</summary>
    public static DataFrame PaperComparison(IReadOnlyList<VariantAggregate> aggregates)
    {
        var rows = PaperReference.UnweightedAccuracy.Select(r => (r.Model, Paper: r.UnweightedAccuracyPercent, Ours: Pick(aggregates, r.Model))).ToList();
        return new FrameBuilder<(string Model, double Paper, VariantAggregate? Ours)>(rows)
            .Text("model", r => NetworkKinds.DisplayName(r.Model))
            .Text("paper UA (%)", r => r.Paper.ToString("0.00", CultureInfo.InvariantCulture))
            .Text("our UA (%)", r => r.Ours is null ? "not run" : Percent(r.Ours.UnweightedAccuracy))
            .Text("difference (pp)", r => r.Ours is null ? "" : Signed(r.Ours.UnweightedAccuracy.Mean * 100 - r.Paper))
            .Text("variant", r => r.Ours is null ? "" : $"{r.Ours.Suite} / {r.Ours.Variant}")
            .Build();
    }

    /// <summary>One row per completed trial, naming every variant it stands for (variants equal to a suite's base
    /// share its trials).</summary>
    public static DataFrame Trials(IReadOnlyList<VariantRow> variants, IReadOnlyList<TrialMetricRow> metrics)
    {
        var names = variants.ToLookup(v => v.SpecHash, v => v.Variant);
        var rows = metrics.Where(m => names.Contains(m.SpecHash))
            .OrderBy(m => variants.First(v => v.SpecHash == m.SpecHash).Ordinal).ThenBy(m => m.Fold).ThenBy(m => m.Seed).ToList();
        return new FrameBuilder<TrialMetricRow>(rows)
            .Integer("trial", m => m.TrialId).Text("variants", m => string.Join(", ", names[m.SpecHash]))
            .Integer("fold", m => m.Fold).Integer("seed", m => m.Seed)
            .Text("UA (%)", m => Pct(m.UnweightedAccuracy)).Text("WA (%)", m => Pct(m.WeightedAccuracy))
            .Text("macro-F1 (%)", m => Pct(m.MacroF1)).Text("parameters", m => Count(m.Parameters))
            .Text("device", m => m.Device).Text("minutes", m => (m.TotalSeconds / 60).ToString("0.0", CultureInfo.InvariantCulture))
            .Build();
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

    private static string Pct(double fraction) => (fraction * 100).ToString("0.00", CultureInfo.InvariantCulture);

    private static string Signed(double value) => value.ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture);

    private static string Count(double value) => double.IsFinite(value) ? value.ToString("N0", CultureInfo.InvariantCulture) : "—";
}
