using System.Diagnostics;
using SerDarts.Features;
using SerDarts.Runtime;
using SerDarts.Search;
using SerDarts.Training;

namespace SerDarts.Experiments;

/// <summary>
/// The real trial: fold features (cached), then for <c>darts</c> a bilevel search on the training part and the
/// derived network, else a baseline; trained jointly with the LSTM head, best epoch by validation UA, one test
/// evaluation. Search and training keep checkpoints in the trial's run directory and resume from them.
/// </summary>
public sealed class DefaultTrialExecutor(FeatureCache? cache = null) : ITrialExecutor
{
    /// <summary>Folds are formed with a fixed seed, so every seed of a spec sees the same speakers.</summary>
    public const int SplitSeed = 0;

    private readonly FeatureCache cache = cache ?? FeatureCache.Default();

    public int CountFolds(ExperimentSpec spec) => FoldData.Folds(spec.Corpus, spec.Split, SplitSeed).Folds.Count;

    public TrialOutcome Execute(TrialSpec trial, string runDirectory, IProgress<TrialEvent>? progress, CancellationToken cancellationToken)
    {
        var spec = trial.Spec;
        var control = new RunControl(Cancellation: cancellationToken);
        progress?.Report(new TrialEvent("features", 0, 0, "building fold features"));
        using var data = FoldData.Build(spec, trial.Fold, SplitSeed, cache,
            new SyncProgress<(int Done, int Total)>(p => progress?.Report(new TrialEvent("features", p.Done, p.Total))));
        var train = Dataset(data.Train);
        var validation = Dataset(data.Validation);
        var test = Dataset(data.Test);

        var clock = Stopwatch.StartNew();
        SearchResult? search = null;
        if (spec.Model == ModelKinds.Darts)
        {
            var (weights, architecture) = data.BilevelHalves(spec.Search.Portion, trial.Seed);
            using (weights)
            using (architecture)
            {
                var config = TrialConfigs.Search(spec, trial.Seed);
                search = SearchRun.Execute(config, Dataset(weights), Dataset(architecture), validation,
                    Path.Combine(runDirectory, "search"), resume: true,
                    new SyncProgress<SearchEpochRecord>(r => progress?.Report(new TrialEvent("search", r.Epoch, config.Epochs,
                        r.Genotype.ToString(), r.ValidationLoss, r.ValidationUnweightedAccuracy))), control);
            }
            Stopped(search.Completed, cancellationToken);
        }
        var searchSeconds = clock.Elapsed.TotalSeconds;

        clock.Restart();
        var trainConfig = TrialConfigs.Train(spec, trial.Seed);
        var result = TrainRun.Execute(trainConfig, TrialConfigs.Model(spec, search?.Genotype), train, validation, test,
            Path.Combine(runDirectory, "train"), resume: true,
            new SyncProgress<EpochRecord>(r => progress?.Report(new TrialEvent("train", r.Epoch, trainConfig.Epochs, null,
                r.TrainLoss, r.ValidationUnweightedAccuracy))), control);
        Stopped(result.Completed, cancellationToken);

        var fold = data.Fold;
        return new TrialOutcome(result.Test!, result.History, search?.History ?? [], search?.Genotype, result.Parameters,
            ComputeDevice.Resolve(spec.Device).ToString(), new TrialTimings(searchSeconds, clock.Elapsed.TotalSeconds, 0),
            data.ManifestHash,
            new FoldDescription(fold.Name, fold.TestSpeakers, fold.Train.Count, fold.Validation.Count, fold.Test.Count));
    }

    private static TensorDataset Dataset(FeatureSet set) => new(set.Inputs, set.Labels);

    private static void Stopped(bool completed, CancellationToken token)
    {
        if (!completed) throw new OperationCanceledException("the trial was stopped before it completed", token);
    }

}
