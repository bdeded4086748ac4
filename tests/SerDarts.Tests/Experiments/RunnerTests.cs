using SerDarts.Experiments.Analysis;
using SerDarts.Experiments.Execution;
using SerDarts.Experiments.Specs;
using SerDarts.Experiments.Store;
using SerDarts.Experiments.Suites;
using SerDarts.Networks;

namespace SerDarts.Tests.Experiments;

public class RunnerTests
{
    [Fact]
    public void Runner_executes_every_fold_and_seed_once_and_stores_the_outcomes()
    {
        using var folder = new TempFolder();
        using var store = ResultsStore.Open(folder.File("results.db"));
        var executor = new ScriptedExecutor(folds: 3);
        var spec = TestSpecs.FourFolds() with { Folds = null, Seeds = [0, 1] };

        var summary = new ExperimentRunner(store, executor, TestSpecs.Options(folder)).RunSpec(spec);

        Assert.Equal((6, 6, 0, 0, 0), (summary.Planned, summary.Executed, summary.Skipped, summary.Busy, summary.Failed));
        var metrics = store.ReadTrialMetrics();
        Assert.Equal([(0, 0), (0, 1), (1, 0), (1, 1), (2, 0), (2, 1)], metrics.Select(m => (m.Fold, m.Seed)));
        Assert.All(metrics, m => Assert.Equal(FakeOutcomes.Ua(spec, m.Fold, m.Seed), m.UnweightedAccuracy, 12));
        Assert.All(store.ReadTrials(), t => Assert.Equal(("completed", 1), (t.Status, t.Attempts)));
    }

    [Fact]
    public void Rerunning_a_finished_suite_executes_nothing()
    {
        using var folder = new TempFolder();
        using var store = ResultsStore.Open(folder.File("results.db"));
        var executor = new ScriptedExecutor();
        var runner = new ExperimentRunner(store, executor, TestSpecs.Options(folder));
        runner.RunSpec(TestSpecs.FourFolds());

        var again = runner.RunSpec(TestSpecs.FourFolds());

        Assert.Equal((4, 0, 4), (again.Planned, again.Executed, again.Skipped));
        Assert.Equal(4, executor.Executed.Count);
    }

    [Fact]
    public void Paper_suite_with_the_small_preset_fills_every_row_and_shares_base_trials()
    {
        using var folder = new TempFolder();
        using var store = ResultsStore.Open(folder.File("results.db"));
        var executor = new ScriptedExecutor(folds: 5);
        var variants = SuiteExpansion.Expand(PaperSuite.Create(), ExperimentPresets.Small);

        var summary = new ExperimentRunner(store, executor, TestSpecs.Options(folder)).RunSuite("paper@small", variants);

        Assert.Equal(10, summary.Executed); // 14 variants, 5 equal to the base, one fold, one seed
        var aggregates = store.ReadAggregates("paper@small");
        Assert.Equal(14, aggregates.Count);
        Assert.All(aggregates, a => Assert.Equal(1, a.Trials));
        Assert.All(aggregates, a => Assert.Equal(FakeOutcomes.Ua(variants[a.Ordinal].Spec, 0, 0), a.UnweightedAccuracy.Mean, 12));
    }

    [Fact]
    public void Failed_trial_is_recorded_and_retried_by_the_next_run()
    {
        using var folder = new TempFolder();
        using var store = ResultsStore.Open(folder.File("results.db"));
        var failing = new ScriptedExecutor
        {
            During = (trial, _, _) => { if (trial.Fold == 1) throw new InvalidOperationException("out of memory on fold 1"); },
        };

        var first = new ExperimentRunner(store, failing, TestSpecs.Options(folder)).RunSpec(TestSpecs.FourFolds());
        var row = store.ReadTrials().Single(t => t.Fold == 1);
        var fixedExecutor = new ScriptedExecutor();
        var second = new ExperimentRunner(store, fixedExecutor, TestSpecs.Options(folder)).RunSpec(TestSpecs.FourFolds());

        Assert.Equal((3, 1), (first.Executed, first.Failed));
        Assert.Contains("out of memory on fold 1", first.Failures.Single().Error);
        Assert.Equal("failed", row.Status);
        Assert.Contains("out of memory on fold 1", row.Error);
        Assert.Equal((1, 3), (second.Executed, second.Skipped));
        Assert.EndsWith("-f1-s0", fixedExecutor.Executed.Single());
    }

    [Fact]
    public void Outcome_with_accuracies_in_percent_is_rejected()
    {
        using var folder = new TempFolder();
        using var store = ResultsStore.Open(folder.File("results.db"));
        var executor = new ScriptedExecutor
        {
            Outcome = t => FakeOutcomes.For(t) with { Test = FakeOutcomes.For(t).Test with { UnweightedAccuracy = 73.18 } },
        };

        var summary = new ExperimentRunner(store, executor, TestSpecs.Options(folder)).RunSpec(TestSpecs.FourFolds() with { Folds = [0] });

        Assert.Equal(1, summary.Failed);
        Assert.Contains("fractions in [0, 1]", store.ReadTrials().Single().Error);
        Assert.Empty(store.ReadTrialMetrics());
    }

    [Fact]
    public void Provenance_records_spec_seed_data_code_and_machine()
    {
        using var folder = new TempFolder();
        using var store = ResultsStore.Open(folder.File("results.db"));
        var spec = TestSpecs.FourFolds() with { Folds = [3], Seeds = [9] };
        var before = DateTime.UtcNow;

        new ExperimentRunner(store, new ScriptedExecutor(folds: 4), TestSpecs.Options(folder)).RunSpec(spec);

        var (_, p) = store.ReadProvenance().Single();
        Assert.Equal(spec.ToJson(indented: false), p.SpecJson);
        Assert.Equal(spec.Hash(), p.SpecHash);
        Assert.Equal(9, p.Seed);
        Assert.Equal("manifest-sample", p.CorpusManifestHash);
        Assert.Equal(SerDarts.Runtime.LibraryInfo.Version, p.LibraryVersion);
        Assert.Equal("test-commit", p.GitCommit);
        Assert.Equal(("cpu", Environment.MachineName), (p.Device, p.Host));
        Assert.InRange(p.StartedUtc, before, p.EndedUtc);
        var row = store.ReadTrials().Single();
        Assert.True(File.Exists(Path.Combine(row.RunDirectory, "spec.json")));
        // trial.json too, which evaluate, predict and export rebuild the trial's data from.
        var trial = TrialFile.Load(row.RunDirectory);
        Assert.Equal((spec.Hash(), row.Fold, 9), (trial.SpecHash, trial.Fold, trial.Seed));
    }

    [Fact]
    public void Different_specs_run_under_one_name_both_stay_in_the_results()
    {
        using var folder = new TempFolder();
        using var store = ResultsStore.Open(folder.File("results.db"));
        var runner = new ExperimentRunner(store, new ScriptedExecutor(), TestSpecs.Options(folder));
        var first = TestSpecs.FourFolds("experiment") with { Folds = [0] };
        var second = first with { Network = first.Network with { Kind = NetworkKinds.Cnn } };

        runner.RunSpec(first);
        runner.RunSpec(second);
        runner.RunSpec(first); // re-running keeps one entry per spec

        var aggregates = store.ReadAggregates("experiment");
        Assert.Equal([$"experiment@{first.Hash()[..8]}", $"experiment@{second.Hash()[..8]}"], aggregates.Select(a => a.Variant));
        Assert.Equal([FakeOutcomes.Ua(first, 0, 0), FakeOutcomes.Ua(second, 0, 0)], aggregates.Select(a => a.UnweightedAccuracy.Mean));
    }

    [Fact]
    public void Fold_beyond_the_split_is_a_clear_error()
    {
        using var folder = new TempFolder();
        using var store = ResultsStore.Open(folder.File("results.db"));
        var e = Assert.Throws<ArgumentException>(() =>
            new ExperimentRunner(store, new ScriptedExecutor(folds: 2), TestSpecs.Options(folder)).RunSpec(TestSpecs.FourFolds()));
        Assert.Contains("fold 2, 3 does not exist", e.Message);
        Assert.Contains("has 2 folds", e.Message);
    }

    [Fact]
    public void Runner_reports_progress_for_every_trial()
    {
        using var folder = new TempFolder();
        using var store = ResultsStore.Open(folder.File("results.db"));
        var events = new List<RunnerEvent>();
        var progress = new SynchronousProgress<RunnerEvent>(e => { lock (events) events.Add(e); });

        new ExperimentRunner(store, new ScriptedExecutor(folds: 4), TestSpecs.Options(folder)).RunSpec(TestSpecs.FourFolds(), progress);

        Assert.Equal(RunnerEventKind.Planned, events[0].Kind);
        Assert.Equal(4, events.Count(e => e.Kind == RunnerEventKind.TrialStarted));
        Assert.Equal(4, events.Count(e => e.Kind == RunnerEventKind.TrialProgress && e.Detail!.Phase == "train"));
        Assert.Equal([0, 1, 2, 3], events.Where(e => e.Kind == RunnerEventKind.TrialCompleted).Select(e => e.Index));
    }

    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
