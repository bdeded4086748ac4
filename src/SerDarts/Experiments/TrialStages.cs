using SerDarts.Features;
using SerDarts.Networks;
using SerDarts.Search;
using SerDarts.Training;

namespace SerDarts.Experiments;

/// <summary>
/// The stages of one trial, each a function of the trial (spec, fold, seed) and the fold's data: the search
/// (darts), the architecture (searched, sampled for the random control, none for the baselines), and the
/// training with its test evaluation. <see cref="DefaultTrialExecutor"/> and the stage verbs (serdarts search,
/// train) call exactly these, so a stage run by hand computes what the trial computes.
/// </summary>
public static class TrialStages
{
    /// <summary>The DARTS search on the bilevel halves of the fold's training part (split with the trial's run seed, from seed and fold).</summary>
    public static SearchResult Search(TrialSpec trial, FoldData data, string runDirectory, bool resume,
        IProgress<SearchEpochRecord>? progress = null, RunControl? control = null)
    {
        var spec = trial.Spec;
        var (weights, architecture) = data.BilevelHalves(spec.Search.Portion, trial.RunSeed);
        using (weights)
        using (architecture)
            return SearchRun.Execute(SearchRunConfig.Create(spec.Network, spec.Search, trial.RunSeed), spec.Execution,
                weights, architecture, data.Validation, runDirectory, resume, progress, control);
    }

    /// <summary>The cells the trial trains: the searched genotype (darts), a uniform draw from the same search
    /// space with the trial's run seed, so each (fold, seed) trains its own random cell (random), none for the baselines.</summary>
    public static Genotype? Architecture(TrialSpec trial, Genotype? searched) => trial.Spec.Network.Kind switch
    {
        NetworkKinds.Darts => searched ?? throw new ArgumentException("a darts trial trains the searched genotype: run the search stage first"),
        NetworkKinds.Random => RandomGenotype.Sample(trial.Spec.Network.Space(), trial.Spec.Network.Nodes, trial.RunSeed),
        _ => null,
    };

    /// <summary>Trains the network on the fold's training part, selects the epoch on its validation speakers and
    /// evaluates the test speakers once.</summary>
    public static TrainResult Train(TrialSpec trial, FoldData data, Genotype? genotype, string runDirectory, bool resume,
        IProgress<EpochRecord>? progress = null, RunControl? control = null)
    {
        var spec = trial.Spec;
        var config = TrainRunConfig.Create(spec.Network, genotype, spec.Training, trial.RunSeed, spec.Features.Augmentation.MaskingOrNone);
        return TrainRun.Execute(config, spec.Execution,
            data.Train, data.Validation, data.Test, runDirectory, resume, progress, control);
    }

    /// <summary>The fold's data as the trial sees it (cached features, training-fold normalisation).</summary>
    public static FoldData Data(TrialSpec trial, FeatureCache? cache, IProgress<(int Done, int Total)>? progress = null) =>
        FoldData.Build(trial.Spec.Corpus, trial.Spec.Split, trial.Spec.Features, trial.Fold, cache, progress);
}
