using System.Diagnostics;
using SerDarts.Experiments.Outcomes;
using SerDarts.Experiments.Specs;
using SerDarts.Features;
using SerDarts.Networks;
using SerDarts.Runs;
using SerDarts.Runtime;
using SerDarts.Search;
using SerDarts.Training;

namespace SerDarts.Experiments.Execution;

/// <summary>
/// The real trial (<see cref="TrialStages"/> in order): fold features (cached), the DARTS search for a darts
/// network, the architecture, then training with the head, best epoch by validation UA and one test evaluation.
/// Search and training keep checkpoints in the trial's run directory and resume from them.
/// </summary>
public sealed class DefaultTrialExecutor(FeatureCache? cache = null) : ITrialExecutor
{
    private readonly FeatureCache cache = cache ?? FeatureCache.Default();

    public int CountFolds(ExperimentSpec spec) => FoldData.Folds(spec.Corpus, spec.Split).Folds.Count;

    public TrialOutcome Execute(TrialSpec trial, string runDirectory, IProgress<TrialEvent>? progress, CancellationToken cancellationToken)
    {
        var spec = trial.Spec;
        var control = new RunControl(Cancellation: cancellationToken);
        progress?.Report(new TrialEvent("features", 0, 0, "building fold features"));
        using var data = TrialStages.Data(trial, cache,
            new SyncProgress<(int Done, int Total)>(p => progress?.Report(new TrialEvent("features", p.Done, p.Total))));
        LogSkipped(runDirectory, data);

        var clock = Stopwatch.StartNew();
        SearchResult? search = null;
        if (spec.Network.Kind == NetworkKinds.Darts)
        {
            search = TrialStages.Search(trial, data, Path.Combine(runDirectory, "search"), resume: true,
                new SyncProgress<SearchEpochRecord>(r => progress?.Report(new TrialEvent("search", r.Epoch, spec.Search.Epochs,
                    r.Genotype.ToString(), r.ValidationLoss, r.ValidationUnweightedAccuracy))), control);
            Stopped(search.Completed, cancellationToken);
        }
        var searchSeconds = clock.Elapsed.TotalSeconds;

        clock.Restart();
        var epochs = new SyncProgress<EpochRecord>(r => progress?.Report(new TrialEvent("train", r.Epoch, TrainRun.Epochs(spec.Network, spec.Training), null,
            r.TrainLoss, r.ValidationUnweightedAccuracy)));
        var fold = data.Fold;
        var description = new FoldDescription(fold.Name, fold.TestSpeakers, fold.Train.Count, fold.Validation.Count, fold.Test.Count);
        if (spec.Network.Kind == NetworkKinds.Random)
        {
            // K draws of one (fold, seed) are one observation: pooled confusion, every draw's predictions (same clips).
            var random = TrialStages.TrainRandom(trial, data, Path.Combine(runDirectory, "train"), Path.Combine(runDirectory, "search"),
                resume: true, epochs, control);
            Stopped(random.Completed, cancellationToken);
            return new TrialOutcome(random.Test, random.History, [], random.Draws[0].Genotype, random.Parameters,
                DeviceDescription(spec.Execution), new TrialTimings(searchSeconds, clock.Elapsed.TotalSeconds, 0), data.ManifestHash,
                description, [], random.Results.SelectMany(r => Predictions(data, r.TestPredictions!)).ToList(),
                [.. data.ScanSkipped, .. data.UnusableAudio]);
        }
        var genotype = TrialStages.Architecture(trial, search?.Genotype);
        var result = TrialStages.Train(trial, data, genotype, Path.Combine(runDirectory, "train"), resume: true, epochs, control);
        Stopped(result.Completed, cancellationToken);

        return new TrialOutcome(result.Test!, result.History, search?.History ?? [], genotype, result.Parameters,
            DeviceDescription(spec.Execution), new TrialTimings(searchSeconds, clock.Elapsed.TotalSeconds, 0),
            data.ManifestHash, description,
            search?.Warnings ?? [], Predictions(data, result.TestPredictions!), [.. data.ScanSkipped, .. data.UnusableAudio],
            search?.Repeats);
    }

    /// <summary>"cpu (AVX2 kernels, portable)" or "cuda:0": provenance names the kernels a CPU result came from.</summary>
    private static string DeviceDescription(ExecutionSettings execution)
    {
        var device = ComputeDevice.Resolve(execution.Device);
        return device.type == TorchSharp.DeviceType.CPU
            ? $"{device} ({CpuReproducibility.Describe(execution.Reproducibility)})"
            : device.ToString();
    }

    /// <summary>Each test clip (in the order the evaluation scored them) with its speaker, duration, class and prediction.</summary>
    internal static IReadOnlyList<ClipPrediction> Predictions(FoldData data, IReadOnlyList<int> predicted)
    {
        var utterances = data.Fold.Test.ToDictionary(u => u.Id, StringComparer.Ordinal);
        return data.Test.ClipOrder().Select((id, i) =>
        {
            var u = utterances[id];
            return new ClipPrediction(u.Id, u.Speaker, u.DurationSeconds, Corpora.EmotionClasses.IndexOf(u.Emotion), predicted[i]);
        }).ToList();
    }

    /// <summary>Every file the trial's data left out, with the reason, in the trial's log.txt.</summary>
    private static void LogSkipped(string runDirectory, FoldData data)
    {
        var run = new RunDirectory(runDirectory);
        run.Log($"data: fold {data.Fold.Name}: {data.Fold.Train.Count} train / {data.Fold.Validation.Count} validation / " +
                $"{data.Fold.Test.Count} test utterances; {data.ScanSkipped.Count} files left out by the corpus scan, " +
                $"{data.UnusableAudio.Count} with unusable audio");
        if (data.Enrolment.Count > 0)
            run.Log($"data: {data.Enrolment.Count} enrolment clips of the validation and test speakers standardise them and are not scored: " +
                    string.Join(", ", data.Enrolment.Select(u => u.Id)));
        foreach (var file in data.UnusableAudio) run.Log($"unusable audio: {file.Path}: {file.Reason}");
        foreach (var file in data.ScanSkipped) run.Log($"left out by the scan: {file.Path}: {file.Reason}");
    }

    private static void Stopped(bool completed, CancellationToken token)
    {
        if (!completed) throw new OperationCanceledException("the trial was stopped before it completed", token);
    }
}
