using SerDarts.Networks;
using SerDarts.Experiments;

namespace SerDarts.Reporting;

/// <summary>The report section of one suite: tables, ablation charts, and per-model details.</summary>
internal sealed class SuiteSection(ResultsStore store, string suite)
{
    public void Write(ReportDocument doc, IReadOnlyList<VariantAggregate> aggregates)
    {
        doc.Heading(2, $"Suite {suite}", "suite-" + string.Concat(suite.Where(char.IsAsciiLetterOrDigit)))
            .Table(ResultTables.Aggregate(aggregates));
        var withResults = aggregates.Where(a => a.Trials > 0).ToList();
        if (withResults.Count == 0) { doc.Note("No completed trials in this suite yet."); return; }
        foreach (var (_, chart) in AccuracyBarChart.PerFactor(withResults, suite)) doc.Chart(chart);
        doc.Chart(ParameterScatterChart.Create(withResults, $"{suite}: parameters versus UA"));
        foreach (var model in NetworkKinds.All)
            if (ResultTables.Pick(withResults, model) is { } variant) ModelDetails(doc, variant);
        doc.Heading(3, "Trials").Table(ResultTables.Trials(store.ReadVariants(suite), store.ReadTrialMetrics(suite)));
    }

    /// <summary>Confusion pooled over every trial of the variant; curves, weights and cells of its first trial
    /// (lowest fold, then seed), a fixed choice rather than the best one.</summary>
    private void ModelDetails(ReportDocument doc, VariantAggregate variant)
    {
        var trials = store.ReadTrialMetrics(suite).Where(t => t.SpecHash == variant.SpecHash).OrderBy(t => t.Fold).ThenBy(t => t.Seed).ToList();
        if (trials.Count == 0) return;
        var name = $"{NetworkKinds.DisplayName(variant.Model)} ({variant.Variant})";
        doc.Heading(3, name);
        var reports = trials.Select(t => store.ReadTestReport(t.TrialId)).OfType<Training.ClassificationReport>().ToList();
        var first = trials[0];
        var charts = new List<PlotlyFigure>
        {
            ConfusionMatrixChart.Create(ConfusionMatrixChart.Sum(reports), reports[0].Classes, $"test confusion, {trials.Count} trial(s) pooled"),
        };
        var epochs = store.ReadEpochs(first.TrialId);
        if (epochs.Count > 0) charts.Add(TrainingCurveChart.Create(epochs, $"training, fold {first.Fold}, seed {first.Seed}"));
        doc.Charts(charts);
        if (variant.Model == NetworkKinds.Darts) SearchDetails(doc, first);
    }

    private void SearchDetails(ReportDocument doc, TrialMetricRow trial)
    {
        var search = store.ReadSearchEpochs(trial.TrialId);
        var where = $"fold {trial.Fold}, seed {trial.Seed}";
        if (search.Count > 0)
            doc.Charts(new[] { ArchitectureWeightChart.Normal, ArchitectureWeightChart.Reduce }
                .Select(cell => ArchitectureWeightChart.Create(search, cell, $"{cell}-cell weights softmax(α), {where}")));
        if (store.ReadGenotype(trial.TrialId) is not { } genotype) return;
        foreach (var cell in new[] { ArchitectureWeightChart.Normal, ArchitectureWeightChart.Reduce })
            doc.Chart(CellGraphChart.Create(genotype, cell, $"derived {cell} cell, {where}")); // full width: edge labels need room
    }
}
