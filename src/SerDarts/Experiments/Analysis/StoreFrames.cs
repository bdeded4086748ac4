using Microsoft.Data.Analysis;
using SerDarts.Experiments.Outcomes;
using SerDarts.Experiments.Store;

namespace SerDarts.Experiments.Analysis;

/// <summary>DataFrame views of a store's rows, for notebooks. Metrics are fractions in [0, 1]; standard deviations
/// are sample standard deviations (divisor n - 1) over every completed fold x seed trial of a variant.</summary>
public static class StoreFrames
{
    /// <summary>The aggregate table: one row per variant.</summary>
    public static DataFrame Aggregates(this ResultsStore store, string? suite = null) => new FrameBuilder<VariantAggregate>(store.ReadAggregates(suite))
        .Text("suite", a => a.Suite).Text("variant", a => a.Variant).Text("factor", a => a.Factor).Text("level", a => a.Level)
        .Text("model", a => a.Model).Integer("trials", a => a.Trials).Integer("folds", a => a.Folds).Integer("seeds", a => a.Seeds)
        .Number("ua_mean", a => a.UnweightedAccuracy.Mean).Number("ua_std", a => a.UnweightedAccuracy.StandardDeviation)
        .Number("wa_mean", a => a.WeightedAccuracy.Mean).Number("wa_std", a => a.WeightedAccuracy.StandardDeviation)
        .Number("macro_f1_mean", a => a.MacroF1.Mean).Number("macro_f1_std", a => a.MacroF1.StandardDeviation)
        .Number("parameters", a => a.MeanParameters).Text("spec_hash", a => a.SpecHash)
        .Build();

    /// <summary>One row per variant and completed trial.</summary>
    public static DataFrame TrialMetrics(this ResultsStore store, string? suite = null)
    {
        var bySpec = store.ReadTrialMetrics(suite).ToLookup(m => m.SpecHash);
        var rows = store.ReadVariants(suite).SelectMany(v => bySpec[v.SpecHash].Select(m => (Variant: v, Metric: m))).ToList();
        return new FrameBuilder<(VariantRow Variant, TrialMetricRow Metric)>(rows)
            .Text("suite", r => r.Variant.Suite).Text("variant", r => r.Variant.Variant).Text("factor", r => r.Variant.Factor)
            .Text("level", r => r.Variant.Level).Text("model", r => r.Metric.Model).Integer("trial_id", r => r.Metric.TrialId)
            .Integer("fold", r => r.Metric.Fold).Integer("seed", r => r.Metric.Seed).Number("ua", r => r.Metric.UnweightedAccuracy)
            .Number("wa", r => r.Metric.WeightedAccuracy).Number("macro_f1", r => r.Metric.MacroF1)
            .Integer("parameters", r => r.Metric.Parameters).Text("device", r => r.Metric.Device).Number("seconds", r => r.Metric.TotalSeconds)
            .Build();
    }

    /// <summary>Every trial with its status (started, completed, failed, interrupted).</summary>
    public static DataFrame Trials(this ResultsStore store, string? suite = null) => new FrameBuilder<TrialRow>(store.ReadTrials(suite))
        .Integer("trial_id", t => t.TrialId).Text("spec_hash", t => t.SpecHash).Text("model", t => t.Model)
        .Integer("fold", t => t.Fold).Integer("seed", t => t.Seed).Text("status", t => t.Status).Integer("attempts", t => t.Attempts)
        .Text("started_utc", t => t.StartedUtc).Text("ended_utc", t => t.EndedUtc).Text("error", t => t.Error)
        .Text("run_dir", t => t.RunDirectory)
        .Build();

    public static DataFrame Epochs(this ResultsStore store, long trialId) => new FrameBuilder<Training.EpochRecord>(store.ReadEpochs(trialId))
        .Integer("epoch", e => e.Epoch).Number("learning_rate", e => e.LearningRate).Number("train_loss", e => e.TrainLoss)
        .Number("train_accuracy", e => e.TrainAccuracy).Number("validation_loss", e => e.ValidationLoss)
        .Number("validation_ua", e => e.ValidationUnweightedAccuracy).Number("seconds", e => e.Seconds)
        .Build();

    public static DataFrame SearchEpochs(this ResultsStore store, long trialId) => new FrameBuilder<Search.SearchEpochRecord>(store.ReadSearchEpochs(trialId))
        .Integer("epoch", e => e.Epoch).Number("train_loss", e => e.TrainLoss).Number("validation_loss", e => e.ValidationLoss)
        .Number("validation_ua", e => e.ValidationUnweightedAccuracy).Integer("normal_skip_count", e => e.NormalSkipCount)
        .Number("seconds", e => e.Seconds).Text("genotype", e => StoreJson.Write(e.Genotype))
        .Build();

    /// <summary>Softmax architecture weights in long form: epoch, cell (normal/reduce), edge, operation, weight.</summary>
    public static DataFrame ArchitectureWeights(this ResultsStore store, long trialId)
    {
        var rows = store.ReadSearchEpochs(trialId).SelectMany(e =>
            new[] { ("normal", e.NormalWeights), ("reduce", e.ReduceWeights) }.SelectMany(cell =>
                cell.Item2.SelectMany((weights, edge) => weights.Select((w, op) => (e.Epoch, Cell: cell.Item1, Edge: edge, Op: e.Operations[op], Weight: w)))))
            .ToList();
        return new FrameBuilder<(int Epoch, string Cell, int Edge, string Op, double Weight)>(rows)
            .Integer("epoch", r => r.Epoch).Text("cell", r => r.Cell).Integer("edge", r => r.Edge)
            .Text("operation", r => r.Op).Number("weight", r => r.Weight)
            .Build();
    }

    /// <summary>The test confusion matrix in long form: truth, predicted, count.</summary>
    public static DataFrame Confusion(this ResultsStore store, long trialId)
    {
        var report = store.ReadTestReport(trialId);
        var rows = report is null ? [] : report.Confusion.SelectMany((row, t) => row.Select((n, p) => (Truth: report.Classes[t], Predicted: report.Classes[p], Count: n))).ToList();
        return new FrameBuilder<(string Truth, string Predicted, int Count)>(rows)
            .Text("truth", r => r.Truth).Text("predicted", r => r.Predicted).Integer("count", r => r.Count)
            .Build();
    }

    public static DataFrame Provenance(this ResultsStore store, string? suite = null) => new FrameBuilder<(long TrialId, TrialProvenance P)>(store.ReadProvenance(suite))
        .Integer("trial_id", r => r.TrialId).Text("spec_hash", r => r.P.SpecHash).Integer("seed", r => r.P.Seed)
        .Text("corpus_manifest_hash", r => r.P.CorpusManifestHash).Text("library_version", r => r.P.LibraryVersion)
        .Text("git_commit", r => r.P.GitCommit).Text("device", r => r.P.Device).Text("host", r => r.P.Host)
        .Text("started_utc", r => r.P.StartedUtc.ToString("O")).Text("ended_utc", r => r.P.EndedUtc.ToString("O"))
        .Text("spec_json", r => r.P.SpecJson)
        .Build();
}
