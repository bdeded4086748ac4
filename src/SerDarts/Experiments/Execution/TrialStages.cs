using SerDarts.Experiments.Specs;
using SerDarts.Features;
using SerDarts.Networks;
using SerDarts.Runs;
using SerDarts.Runtime;
using SerDarts.Search;
using SerDarts.Training;

namespace SerDarts.Experiments.Execution;

/// <summary>
/// The stages of one trial, each a function of the trial (spec, fold, seed) and the fold's data: the search
/// (darts), the architecture (searched, sampled for the random control, none for the baselines), and the
/// training with its test evaluation. <see cref="DefaultTrialExecutor"/> and the stage verbs (serdarts search,
/// train) call exactly these, so a stage run by hand computes what the trial computes.
/// </summary>
public static class TrialStages
{
    /// <summary>The DARTS search on the bilevel halves of the fold's training part (clips or whole speakers, search.bilevel;
    /// split with the trial's run seed, from seed and fold).
    /// With search.repeats R &gt; 1: R searches on the same halves with <see cref="RepeatSeed"/> seeds in
    /// repeat-r/search, each genotype trained briefly (search.repeatTrainingEpochs) in repeat-r/training and
    /// selected on the validation speakers; the best is kept and the genotypes' stability reported
    /// (<see cref="SearchRepeats"/>; genotype.json and metrics.json of the run directory are the kept repeat's).</summary>
    public static SearchResult Search(TrialSpec trial, FoldData data, string runDirectory, bool resume,
        IProgress<SearchEpochRecord>? progress = null, RunControl? control = null)
    {
        var spec = trial.Spec;
        var (weights, architecture) = data.BilevelHalves(spec.Search.Portion, trial.RunSeed, spec.Search.Bilevel);
        using (weights)
        using (architecture)
        {
            SearchResult Once(long seed, string dir) => SearchRun.Execute(SearchRunConfig.Create(spec.Network, spec.Search, seed),
                spec.Execution, weights, architecture, data.Validation, dir, resume, progress, control);
            if (spec.Search.Repeats == 1) return Once(trial.RunSeed, runDirectory);

            var results = new List<SearchResult>();
            var runs = new List<SearchRepeat>();
            for (int r = 0; r < spec.Search.Repeats; r++)
            {
                long seed = RepeatSeed(trial.RunSeed, r);
                string dir = Path.Combine(runDirectory, $"repeat-{r}");
                var searched = Once(seed, Path.Combine(dir, "search"));
                if (!searched.Completed) return searched;
                // Selection on the validation speakers only: the brief training's "test" set is the validation set.
                var training = TrainRunConfig.Create(spec.Network, searched.Genotype,
                    spec.Training with { Epochs = spec.Search.RepeatTrainingEpochs }, seed, spec.Features.Augmentation.MaskingOrNone);
                var trained = TrainRun.Execute(training, spec.Execution, data.Train, data.Validation, data.Validation,
                    Path.Combine(dir, "training"), resume, null, control);
                if (!trained.Completed) return searched with { Completed = false };
                results.Add(searched);
                runs.Add(new SearchRepeat(r, seed, searched.Genotype.ToString(),
                    searched.History.Count == 0 ? double.NaN : searched.History[^1].ValidationUnweightedAccuracy,
                    trained.BestValidation?.UnweightedAccuracy ?? double.NaN, dir));
            }
            var summary = SearchRepeats.From(runs, results.Select(x => x.Genotype).ToList());
            var kept = results[summary.Chosen];
            WriteRepeats(runDirectory, kept, summary);
            return kept with
            {
                RunDirectory = runDirectory, Repeats = summary,
                Warnings = summary.Warning is null ? kept.Warnings : [.. kept.Warnings, summary.Warning],
            };
        }
    }

    /// <summary>Seed of repeat <paramref name="r"/>: the trial seed for the first (so one repeat is the plain
    /// search), derived ones for the rest.</summary>
    public static long RepeatSeed(long trialSeed, int r) => r == 0 ? trialSeed : Seeds.Derive(trialSeed, 22, r);

    /// <summary>The kept repeat's genotype.json, and its metrics.json with every repeat and the stability.</summary>
    private static void WriteRepeats(string runDirectory, SearchResult kept, SearchRepeats summary)
    {
        var run = new RunDirectory(runDirectory);
        var metricsPath = Path.Combine(kept.RunDirectory, "metrics.json");
        var metrics = ConfigJson.Deserialize<SearchMetrics>(File.ReadAllText(metricsPath), metricsPath);
        var warnings = summary.Warning is null ? metrics.Warnings : [.. metrics.Warnings, summary.Warning];
        run.WriteText(run.GenotypePath, GenotypeFormat.ToJson(kept.Genotype));
        run.WriteText(run.MetricsPath, ConfigJson.Serialize(metrics with { Repeats = summary, Warnings = warnings }));
    }

    /// <summary>The cells the trial trains: the searched genotype (darts), the first unmatched draw from the same
    /// search space (random: <see cref="RandomCells"/>; <see cref="TrainRandom"/> trains every draw), none for the baselines.</summary>
    public static Genotype? Architecture(TrialSpec trial, Genotype? searched) => trial.Spec.Network.Kind switch
    {
        NetworkKinds.Darts => searched ?? throw new ArgumentException("a darts trial trains the searched genotype: run the search stage first"),
        NetworkKinds.Random => RandomCells.Draw(trial.Spec.Network, trial.RunSeed, 0, reference: null).Genotype,
        _ => null,
    };

    /// <summary>
    /// The random control: network.random.draws cells, draw d from (fold, seed, d), each trained like
    /// <see cref="Train"/> (with K = 1 in <paramref name="runDirectory"/>, else in its draw-d folder). With
    /// network.random.matchParameters each draw is redrawn until its parameter count is within the tolerance of
    /// network.random.referenceParameters or, when that is null, of the model of the genotype a darts trial of this
    /// spec, fold and seed searches: that search runs here, in <paramref name="referenceSearchDirectory"/> (same
    /// halves and seed as the darts trial, so the same genotype on the same kernels). random-draws.json records every
    /// draw's seed, genotype, parameter count, reference and tries.
    /// </summary>
    public static RandomTraining TrainRandom(TrialSpec trial, FoldData data, string runDirectory, string referenceSearchDirectory,
        bool resume, IProgress<EpochRecord>? progress = null, RunControl? control = null)
    {
        var spec = trial.Spec;
        var settings = spec.Network.Random;
        long? reference = null;
        if (settings.MatchParameters)
        {
            reference = settings.ReferenceParameters;
            if (reference is null)
            {
                var darts = trial with { Spec = spec with { Network = spec.Network with { Kind = NetworkKinds.Darts } } };
                var searched = Search(darts, data, referenceSearchDirectory, resume, null, control);
                if (!searched.Completed) return new RandomTraining([], [], Completed: false);
                reference = RandomCells.Parameters(spec.Network, searched.Genotype);
            }
        }
        var draws = new List<RandomDraw>();
        var results = new List<TrainResult>();
        for (int d = 0; d < settings.Draws; d++)
        {
            var draw = RandomCells.Draw(spec.Network, trial.RunSeed, d, reference);
            string dir = settings.Draws == 1 ? runDirectory : Path.Combine(runDirectory, $"draw-{d}");
            var result = Train(trial, data, draw.Genotype, dir, resume, progress, control);
            if (!result.Completed) return new RandomTraining(draws, results, Completed: false);
            draws.Add(draw);
            results.Add(result);
        }
        Directory.CreateDirectory(runDirectory);
        AtomicFile.WriteAllText(Path.Combine(runDirectory, "random-draws.json"), ConfigJson.Serialize(draws.Select((d, i) => new
        {
            d.Draw, d.Seed, Genotype = d.Genotype.ToString(), d.Parameters, d.Reference, d.Tries,
            TestUa = results[i].Test!.UnweightedAccuracy,
        }).ToList()));
        return new RandomTraining(draws, results, Completed: true);
    }

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
