using SerDarts.Experiments.Analysis;
using SerDarts.Experiments.Store;
using SerDarts.Networks;
using SerDarts.Runs;

namespace SerDarts.Reporting;

/// <summary>One model's details in a suite section: the pooled confusion matrix and, for its first trial (lowest fold,
/// then seed: a fixed choice rather than the best one), the training curves and, for DARTS, the search diagnostics
/// with the trial's warnings, the architecture weights and the derived cells.</summary>
internal sealed class ModelSection(ResultsStore store, string suite)
{
    public void Write(ReportDocument doc, VariantAggregate variant)
    {
        var trials = store.ReadTrialMetrics(suite).Where(t => t.SpecHash == variant.SpecHash).OrderBy(t => t.Fold).ThenBy(t => t.Seed).ToList();
        if (trials.Count == 0) return;
        doc.Heading(3, $"{NetworkKinds.DisplayName(variant.Model)} ({variant.Variant})");
        var reports = trials.Select(t => store.ReadTestReport(t.TrialId)).OfType<ClassificationReport>().ToList();
        var first = trials[0];
        var charts = new List<PlotlyFigure>
        {
            ConfusionMatrixChart.Create(ConfusionMatrixChart.Sum(reports), reports[0].Classes, $"test confusion, {trials.Count} trial(s) pooled"),
        };
        var epochs = store.ReadEpochs(first.TrialId);
        if (epochs.Count > 0) charts.Add(TrainingCurveChart.Create(epochs, $"training, fold {first.Fold}, seed {first.Seed}"));
        doc.Charts(charts);
        if (variant.Model == NetworkKinds.Darts) Search(doc, first);
    }

    private void Search(ReportDocument doc, TrialMetricRow trial)
    {
        var where = $"fold {trial.Fold}, seed {trial.Seed}";
        var diagnostics = SearchDiagnostics.Read(store, trial.TrialId, where);
        foreach (var warning in diagnostics.Warnings) doc.Warning($"search of {where}: {warning}");
        if (diagnostics.Chart() is { } chart)
        {
            doc.Note(diagnostics.Summary()).Chart(chart);
            doc.Charts(new[] { ArchitectureWeightChart.Normal, ArchitectureWeightChart.Reduce }
                .Select(cell => ArchitectureWeightChart.Create(diagnostics.Epochs, cell, $"{cell}-cell weights softmax(α), {where}")));
        }
        if (store.ReadGenotype(trial.TrialId) is not { } genotype) return;
        foreach (var cell in new[] { ArchitectureWeightChart.Normal, ArchitectureWeightChart.Reduce })
            doc.Chart(CellGraphChart.Create(genotype, cell, $"derived {cell} cell, {where}")); // full width: edge labels need room
    }
}
