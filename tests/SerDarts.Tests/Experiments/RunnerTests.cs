using SerDarts.Experiments;

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

        Assert.Equal(7, summary.Executed); // 10 variants, 4 equal to the base, one fold, one seed
        var aggregates = store.ReadAggregates("paper@small");
        Assert.Equal(10, aggregates.Count);
        Assert.All(aggregates, a => Assert.Equal(1, a.Trials));
        Assert.All(aggregates, a => Assert.Equal(FakeOutcomes.Ua(variants[a.Ordinal].Spec, 0, 0), a.UnweightedAccuracy.Mean, 12));
    }

    [Fact]
    public void Trial_left_started_by_a_dead_owner_is_rerun_in_its_own_run_directory()
    {
        using var folder = new TempFolder();
        using var store = ResultsStore.Open(folder.File("results.db"));
        var spec = TestSpecs.FourFolds();
        var orphan = new TrialSpec(spec, 2, 0);
        var runDirectory = Path.GetFullPath(orphan.RunDirectory(folder.Path));
        var dead = new TrialOwner(Environment.MachineName, TestSpecs.DeadProcessId(), "dead-runner");
        Assert.Equal(ClaimStatus.Claimed, store.TryClaim(orphan, runDirectory, dead, TimeSpan.FromHours(1)).Status);
        Directory.CreateDirectory(runDirectory);
        File.WriteAllText(Path.Combine(runDirectory, ScriptedExecutor.CheckpointFile), "from the killed attempt");
        var executor = new ScriptedExecutor();

        var summary = new ExperimentRunner(store, executor, TestSpecs.Options(folder)).RunSpec(spec);

        Assert.Equal(4, summary.Executed);
        Assert.Equal([orphan.Key], executor.ResumedFromCheckpoint);
        var row = store.ReadTrials().Single(t => t.Fold == 2);
        Assert.Equal(("completed", 2, runDirectory), (row.Status, row.Attempts, row.RunDirectory));
    }

    [Fact]
    public void Trial_held_by_a_live_owner_elsewhere_is_left_alone_until_its_heartbeat_goes_stale()
    {
        using var folder = new TempFolder();
        using var store = ResultsStore.Open(folder.File("results.db"));
        var spec = TestSpecs.FourFolds();
        var held = new TrialSpec(spec, 1, 0);
        store.TryClaim(held, "/elsewhere", new TrialOwner("other-host", 1, "other-runner"), TimeSpan.FromHours(1));
        var executor = new ScriptedExecutor();

        var first = new ExperimentRunner(store, executor, TestSpecs.Options(folder)).RunSpec(spec);
        Thread.Sleep(50);
        var second = new ExperimentRunner(store, executor, TestSpecs.Options(folder) with { StaleAfter = TimeSpan.FromMilliseconds(10) }).RunSpec(spec);

        Assert.Equal((3, 1), (first.Executed, first.Busy));
        Assert.Equal((1, 3, 0), (second.Executed, second.Skipped, second.Busy));
        Assert.Equal(held.Key, executor.Executed.Last());
    }

    [Fact]
    public void Killed_runner_process_is_resumed_where_it_stopped()
    {
        using var folder = new TempFolder();
        var (db, ready) = (folder.File("results.db"), folder.File("ready"));
        using (var child = ChildProcess.Start("runner", ("STORE", db), ("RUNS", folder.Path), ("HANG_AT", "2"), ("READY", ready)))
        {
            var waited = System.Diagnostics.Stopwatch.StartNew();
            while (!File.Exists(ready))
            {
                Assert.True(waited.Elapsed < TimeSpan.FromSeconds(60), "the child runner never reached its third trial: " + child.Output);
                Thread.Sleep(50);
            }
            child.Kill(); // mid-trial, as a crash or an OOM kill would
        }
        using var store = ResultsStore.Open(db);
        Assert.Equal(["completed", "completed", "started"], store.ReadTrials().Select(t => t.Status));
        var executor = new ScriptedExecutor(folds: 4);

        var summary = new ExperimentRunner(store, executor, TestSpecs.Options(folder)).RunSpec(TestSpecs.FourFolds("runner") with { Folds = null });

        Assert.Equal((2, 2), (summary.Executed, summary.Skipped));
        var trials = store.ReadTrials();
        Assert.All(trials, t => Assert.Equal("completed", t.Status));
        Assert.Equal([1, 1, 2, 1], trials.Select(t => t.Attempts));
        Assert.Single(executor.ResumedFromCheckpoint); // the killed trial found its own checkpoint
        Assert.EndsWith("-f2-s0", executor.ResumedFromCheckpoint.Single());
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
    public void Cancelled_trial_is_marked_interrupted_and_rerun_next_time()
    {
        using var folder = new TempFolder();
        using var store = ResultsStore.Open(folder.File("results.db"));
        using var cancel = new CancellationTokenSource();
        var blocking = new ScriptedExecutor
        {
            During = (trial, _, ct) =>
            {
                if (trial.Fold != 1) return;
                cancel.Cancel();
                ct.ThrowIfCancellationRequested();
            },
        };

        Assert.ThrowsAny<OperationCanceledException>(() =>
            new ExperimentRunner(store, blocking, TestSpecs.Options(folder)).RunSpec(TestSpecs.FourFolds(), cancellationToken: cancel.Token));
        Assert.Equal(["completed", "interrupted"], store.ReadTrials().Select(t => t.Status));
        var summary = new ExperimentRunner(store, new ScriptedExecutor(), TestSpecs.Options(folder)).RunSpec(TestSpecs.FourFolds());
        Assert.Equal((3, 1), (summary.Executed, summary.Skipped));
    }

    [Fact]
    public void Two_runners_sharing_a_store_execute_each_trial_once()
    {
        using var folder = new TempFolder();
        var executor = new ScriptedExecutor(folds: 12) { During = (_, _, _) => Thread.Sleep(20) };
        var spec = TestSpecs.FourFolds() with { Folds = null };
        var summaries = new RunSummary[2];

        Parallel.For(0, 2, i =>
        {
            using var store = ResultsStore.Open(folder.File("results.db"));
            summaries[i] = new ExperimentRunner(store, executor, TestSpecs.Options(folder)).RunSpec(spec);
        });

        Assert.Equal(12, executor.Executed.Count);
        Assert.Equal(12, executor.Executed.Distinct().Count());
        Assert.Equal(12, summaries.Sum(s => s.Executed));
        Assert.All(summaries, s => Assert.Equal(12, s.Executed + s.Skipped + s.Busy));
        using var check = ResultsStore.Open(folder.File("results.db"));
        Assert.All(check.ReadTrials(), t => Assert.Equal(("completed", 1), (t.Status, t.Attempts)));
    }

    [Fact]
    public void Two_runner_processes_sharing_a_store_execute_each_trial_once()
    {
        using var folder = new TempFolder();
        var db = folder.File("results.db");
        using (ResultsStore.Open(db)) { } // create the schema before the race
        var environment = new[] { ("STORE", db), ("RUNS", folder.Path), ("FOLDS", "10"), ("DELAY_MS", "50") };
        using var a = ChildProcess.Start("runner", environment);
        using var b = ChildProcess.Start("runner", environment);

        Assert.Equal(0, a.WaitForExit(TimeSpan.FromSeconds(120)));
        Assert.Equal(0, b.WaitForExit(TimeSpan.FromSeconds(120)));

        using var store = ResultsStore.Open(db);
        var trials = store.ReadTrials();
        Assert.Equal(10, trials.Count);
        Assert.All(trials, t => Assert.Equal(("completed", 1), (t.Status, t.Attempts)));
        var executed = new[] { a, b }.Sum(c => int.Parse(System.Text.RegularExpressions.Regex.Match(c.Output, @"executed=(\d+)").Groups[1].Value));
        Assert.Equal(10, executed);
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
        Assert.True(File.Exists(Path.Combine(store.ReadTrials().Single().RunDirectory, "spec.json")));
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
