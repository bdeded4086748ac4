using SerDarts.Experiments.Analysis;
using SerDarts.Experiments.Store;
using SerDarts.Networks;

namespace SerDarts.Reporting;

/// <summary>The report section of one suite: tables with their uncertainty, ablation charts, per-model details, the
/// trials and the files their data left out.</summary>
internal sealed class SuiteSection(ResultsStore store, string suite)
{
    public void Write(ReportDocument doc, IReadOnlyList<VariantAggregate> aggregates, SuiteReport report)
    {
        doc.Heading(2, $"Suite {suite}", "suite-" + string.Concat(suite.Where(char.IsAsciiLetterOrDigit)))
            .Table(ResultTables.Aggregate(aggregates), "per variant over completed fold x seed trials: mean ± sample std");
        var withResults = aggregates.Where(a => a.Trials > 0).ToList();
        if (withResults.Count == 0) { doc.Note("No completed trials in this suite yet."); return; }
        var variants = store.ReadVariants(suite);
        var trials = store.ReadTrialMetrics(suite);
        Warnings(doc, variants, trials);
        StatisticsSection.Write(doc, report);
        doc.Heading(3, "Ablation charts");
        foreach (var (_, chart) in AccuracyBarChart.PerFactor(withResults, suite)) doc.Chart(chart);
        doc.Chart(ParameterScatterChart.Create(withResults, $"{suite}: parameters versus UA"));
        foreach (var model in NetworkKinds.All)
            if (ResultTables.Pick(withResults, model) is { } variant) new ModelSection(store, suite).Write(doc, variant);
        TrialsTable(doc, variants, trials);
    }

    /// <summary>Every stored warning of the suite's trials, boxed, before any number they qualify.</summary>
    private void Warnings(ReportDocument doc, IReadOnlyList<VariantRow> variants, IReadOnlyList<TrialMetricRow> trials)
    {
        var names = variants.ToLookup(v => v.SpecHash, v => v.Variant);
        foreach (var trial in trials)
            foreach (var warning in store.ReadWarnings(trial.TrialId))
                doc.Warning($"trial {trial.TrialId} ({string.Join(", ", names[trial.SpecHash])}; fold {trial.Fold}, seed {trial.Seed}): {warning}");
    }

    private void TrialsTable(ReportDocument doc, IReadOnlyList<VariantRow> variants, IReadOnlyList<TrialMetricRow> trials)
    {
        var leftOut = LeftOutFiles.Read(store, suite);
        doc.Heading(3, "Trials").Table(ResultTables.Trials(variants, trials, leftOut));
        if (leftOut.Count == 0) { doc.Note("No trial left a file out."); return; }
        foreach (var trial in trials.Where(t => leftOut.ContainsKey(t.TrialId)))
            doc.Details($"trial {trial.TrialId} (fold {trial.Fold}, seed {trial.Seed}): {leftOut[trial.TrialId].Count} file(s) left out", LeftOutFiles.Table(leftOut[trial.TrialId]));
    }
}
