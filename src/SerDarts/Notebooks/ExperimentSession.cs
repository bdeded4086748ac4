using Microsoft.Data.Analysis;
using SerDarts.Experiments.Analysis;
using SerDarts.Experiments.Execution;
using SerDarts.Experiments.Outcomes;
using SerDarts.Experiments.Prediction;
using SerDarts.Experiments.Specs;
using SerDarts.Experiments.Store;
using SerDarts.Experiments.Suites;
using SerDarts.Reporting;
using SerDarts.Features;
using SerDarts.Networks;
using SerDarts.Runtime;

namespace SerDarts.Notebooks;

/// <summary>
/// What a notebook needs from the experiment layer, in a few calls: run a network or a suite against one runs
/// folder (trials already in its store are reused), then read tables and charts back. A session holds the
/// notebook's parameters (preset, corpus, folds, seeds) and resolves every spec through
/// <see cref="SpecResolution"/>, exactly as the CLI does; this type only strings the library together.
/// </summary>
public sealed class ExperimentSession : IDisposable
{
    private readonly ResultsStore _store;
    private readonly RunnerOptions _options;
    private readonly ITrialExecutor _executor;

    /// <param name="runsFolder">Trial folders and the results store (runs/results.db).</param>
    /// <param name="preset">paper, small or smoke (null: the specs as given).</param>
    /// <param name="overrides">Folds, seeds, corpus and any spec path, applied after the preset.</param>
    /// <param name="executor">The trial executor (default: the real one).</param>
    public ExperimentSession(string runsFolder, string? preset = null, SpecOverrides? overrides = null, ITrialExecutor? executor = null)
    {
        _options = new RunnerOptions { RunsFolder = Path.GetFullPath(runsFolder) };
        _store = ResultsStore.Open(ResultsStore.DefaultPath(_options.RunsFolder));
        _executor = executor ?? TrialExecutors.CreateDefault();
        Preset = preset;
        Overrides = overrides ?? new SpecOverrides();
    }

    /// <summary>A session from a notebook's parameters cell: folds and seeds as index lists ("0-4", "0,1,2"), an
    /// empty corpus root for the embedded sample corpus.</summary>
    public static ExperimentSession FromParameters(string runsFolder, string preset, string corpus, string corpusRoot, string folds, string seeds) =>
        new(runsFolder, preset, new SpecOverrides(Folds: IndexList.Parse(folds), Seeds: IndexList.Parse(seeds), CorpusName: corpus,
            CorpusRoot: string.IsNullOrWhiteSpace(corpusRoot) ? null : corpusRoot));

    public ResultsStore Store => _store;

    public string? Preset { get; }

    public SpecOverrides Overrides { get; }

    /// <summary>The spec a network kind gets in this session (the defaults, the preset, the overrides).</summary>
    public ExperimentSpec Spec(string networkKind) => SpecResolution.Resolve(
        new ExperimentSpec { Name = networkKind, Network = new NetworkSpec { Kind = networkKind } }, Preset, Overrides, networkKind);

    /// <summary>Expands a suite with the session's preset and overrides and runs it; returns the stored suite label.</summary>
    public string RunSuite(SuiteSpec suite)
    {
        var label = SuiteExpansion.Label(suite, Preset);
        var variants = SuiteExpansion.Expand(suite, Preset, Overrides);
        if (variants.Count > 0) ProcessSetup.Apply(variants[0].Spec.Execution); // as `serdarts ablate` does
        var summary = Runner().RunSuite(label, variants, ConsoleLog(), CancellationToken.None);
        ThrowOnFailure(summary);
        return label;
    }

    /// <summary>Runs one network kind (<see cref="NetworkKinds"/>) over the session's folds and seeds; returns the
    /// stored variant label.</summary>
    public string Run(string networkKind) => Run(Spec(networkKind));

    /// <summary>Runs one spec over its folds and seeds; returns the stored variant label.</summary>
    public string Run(ExperimentSpec spec)
    {
        ProcessSetup.Apply(spec.Execution); // the spec's threads and kernels hold in the kernel as in the CLI
        var summary = Runner().RunSpec(spec, ConsoleLog(), CancellationToken.None);
        ThrowOnFailure(summary);
        return spec.Name;
    }

    /// <summary>Aggregates (mean ± sample std over folds x seeds) of a suite, or of everything stored.</summary>
    public DataFrame Table(string? suite = null) => ResultTables.Aggregate(_store.ReadAggregates(suite));

    /// <summary>UA/WA bars with error bars, one chart per factor of the suite.</summary>
    public IReadOnlyList<PlotlyFigure> FactorCharts(string suite) =>
        AccuracyBarChart.PerFactor(_store.ReadAggregates(suite), suite).Select(p => p.Chart).ToList();

    /// <summary>A suite's statistics (levels with bootstrap CIs and protocols, paired comparisons, per speaker, by
    /// clip duration, the authors' optimistic scoring); displayed, its levels and comparisons render as tables.</summary>
    public SuiteReport Statistics(string suite) => _store.ReadStatistics(suite);

    /// <summary>The statistics of every suite in the store, in the order they were registered.</summary>
    public IReadOnlyList<SuiteReport> Statistics() => _store.ReadSuites().Select(Statistics).ToList();

    /// <summary>The papers' figures next to ours, like with like (<see cref="ResultTables.PaperComparison"/>).</summary>
    public PaperComparison PaperComparison() => ResultTables.PaperComparison(Statistics());

    /// <summary>
    /// The session's <paramref name="kind"/> against its <paramref name="referenceKind"/> (each run with
    /// <see cref="Run(string)"/>) as the two levels of one factor: test UA and WA with CIs, and the paired
    /// difference over (test speaker, seed), e.g. DARTS against the random-cell control.
    /// </summary>
    public SuiteReport Versus(string referenceKind, string kind)
    {
        var label = $"{referenceKind} vs {kind}";
        var variants = new[] { referenceKind, kind }.Select((k, i) => (Kind: k, Ordinal: i, Hash: Spec(k).Hash()))
            .Select(v => new VariantRow(label, $"{v.Kind}@{v.Hash[..8]}", "model", v.Kind, v.Ordinal, v.Kind, v.Hash)).ToList();
        return _store.ReadVariantStatistics(label, variants);
    }

    /// <summary>A stored search's diagnostics and warnings; displayed, a chart with the warnings above it.</summary>
    public SearchDiagnostics SearchDiagnostics(long trialId) => Reporting.SearchDiagnostics.Read(_store, trialId);

    /// <summary>The newest completed trial of a network kind ("darts", "random", "cnn", "cnn-lstm", "linear") in a suite.</summary>
    public long LatestTrial(string model, string? suite = null) =>
        _store.ReadTrialMetrics(suite).Where(t => t.Model == model).Select(t => t.TrialId).DefaultIfEmpty(-1).Max() is var id and >= 0
            ? id : throw new InvalidOperationException($"no completed {model} trial{(suite is null ? "" : $" in suite '{suite}'")}");

    public PlotlyFigure TrainingCurve(long trialId) => TrainingCurveChart.Create(_store.ReadEpochs(trialId), $"trial {trialId}: training");

    public PlotlyFigure Confusion(long trialId) =>
        ConfusionMatrixChart.Create(_store.ReadTestReport(trialId) ?? throw new InvalidOperationException($"trial {trialId} has no test report"), $"trial {trialId}: test confusion");

    /// <summary>Softmax of the architecture weights over search epochs, for the "normal" or "reduce" cell.</summary>
    public PlotlyFigure ArchitectureWeights(long trialId, string cell) =>
        ArchitectureWeightChart.Create(_store.ReadSearchEpochs(trialId), cell, $"trial {trialId}: {cell} cell weights over search epochs");

    /// <summary>The derived "normal" or "reduce" cell as a graph.</summary>
    public PlotlyFigure Cell(long trialId, string cell) =>
        CellGraphChart.Create(_store.ReadGenotype(trialId) ?? throw new InvalidOperationException($"trial {trialId} has no genotype"), cell, $"trial {trialId}: derived {cell} cell");

    /// <summary>Emotion probabilities of WAV files from a stored trial's trained model (<see cref="Predictor"/>, as
    /// serdarts predict computes them); <paramref name="speakerAudio"/>: a folder of the speaker's audio.</summary>
    public PredictionReport Predict(long trialId, IReadOnlyList<string> files, string? speakerAudio = null)
    {
        var (trial, folder) = StoredTrial(trialId);
        return Predictor.Predict(trial, folder, files, new PredictOptions(speakerAudio, Cache: FeatureCache.Default()));
    }

    /// <summary>The first <paramref name="clips"/> scored test clips of the trial's first test speaker, classified as
    /// new files with the audio its evaluation standardised them with as the speaker's audio: all that speaker's
    /// test clips, or under enrolment:N its enrolment clips (which are then not among the classified ones).</summary>
    public PredictionReport PredictTestSpeaker(long trialId, int clips = 4)
    {
        var (trial, folder) = StoredTrial(trialId);
        var test = FoldData.Folds(trial.Spec.Corpus, trial.Spec.Split).Folds[trial.Fold].Test;
        var speaker = test.Where(u => u.Speaker == test[0].Speaker).ToList();
        var level = trial.Spec.Features.ParsedNormalization();
        var enrolled = level.Kind == NormalizationLevel.Enrolment
            ? SpeakerEnrolment.Choose(test, level.EnrolmentClips, FoldData.SplitSeed, "test")
            : new HashSet<string>();
        var statistics = enrolled.Count > 0 ? speaker.Where(u => enrolled.Contains(u.Id)) : speaker;
        var scored = speaker.Where(u => !enrolled.Contains(u.Id)).Select(u => u.Path).Take(clips).ToList();
        return Predictor.Predict(trial, folder, scored,
            new PredictOptions(Cache: FeatureCache.Default(), SpeakerFiles: level.PerSpeaker ? statistics.Select(u => u.Path).ToList() : null));
    }

    public void Dispose() => _store.Dispose();

    /// <summary>A stored trial (its spec from the store, so trial folders of any age work) and its folder.</summary>
    private (TrialSpec Trial, string Folder) StoredTrial(long trialId)
    {
        var row = _store.ReadTrials().FirstOrDefault(t => t.TrialId == trialId)
                  ?? throw new InvalidOperationException($"no trial {trialId} in {_options.RunsFolder}");
        var spec = _store.ReadSpec(row.SpecHash) ?? throw new InvalidOperationException($"trial {trialId}: spec {row.SpecHash} is not in the store");
        return (new TrialSpec(spec, row.Fold, row.Seed), row.RunDirectory);
    }

    private ExperimentRunner Runner() => new(_store, _executor, _options);

    private static void ThrowOnFailure(RunSummary summary)
    {
        if (summary.Failed > 0)
            throw new InvalidOperationException($"{summary.Failed} trial(s) failed: {string.Join("; ", summary.Failures.Select(f => f.Error.Split('\n')[0]))}");
    }

    /// <summary>One console line per trial and per search/training epoch: notebook cells show it as a stream.</summary>
    private static SyncProgress<RunnerEvent> ConsoleLog() => new(e =>
    {
        var where = e.Trial is null ? "" : $"{e.Trial.Spec.Name} fold {e.Trial.Fold} seed {e.Trial.Seed}";
        switch (e.Kind)
        {
            case RunnerEventKind.TrialStarted: Console.WriteLine($"[{e.Index + 1}/{e.Count}] {where}: started"); break;
            case RunnerEventKind.TrialSkipped: Console.WriteLine($"[{e.Index + 1}/{e.Count}] {where}: already done"); break;
            case RunnerEventKind.TrialCompleted: Console.WriteLine($"[{e.Index + 1}/{e.Count}] {where}: done"); break;
            case RunnerEventKind.TrialFailed: Console.WriteLine($"[{e.Index + 1}/{e.Count}] {where}: FAILED {e.Message}"); break;
            case RunnerEventKind.TrialProgress when e.Detail is { Phase: "search" or "train", Steps: > 0 } d:
                Console.WriteLine($"    {d.Phase} {d.Step}/{d.Steps}" + (d.UnweightedAccuracy is { } ua ? $" val UA {ua:P1}" : ""));
                break;
        }
    });
}
