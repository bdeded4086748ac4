using SerDarts.Experiments.Execution;
using SerDarts.Experiments.Outcomes;
using SerDarts.Experiments.Specs;
using SerDarts.Experiments.Store;

namespace SerDarts.Tests.Experiments;

/// <summary>Resuming after kills, cancellations and stale owners, and runners sharing one store.</summary>
public class RunnerResumeTests
{
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
    public void Trial_held_by_a_live_owner_elsewhere_is_left_alone_until_its_lease_expires()
    {
        using var folder = new TempFolder();
        using var store = ResultsStore.Open(folder.File("results.db"));
        var spec = TestSpecs.FourFolds();
        var held = new TrialSpec(spec, 1, 0);
        var other = new TrialOwner("other-host", 1, "other-runner");
        var id = store.TryClaim(held, "/elsewhere", other, TimeSpan.FromHours(1)).TrialId;
        var executor = new ScriptedExecutor();

        var first = new ExperimentRunner(store, executor, TestSpecs.Options(folder)).RunSpec(spec);
        Assert.True(store.Renew(id, other, TimeSpan.FromSeconds(-1))); // the other host's last renewal, now run out
        var second = new ExperimentRunner(store, executor, TestSpecs.Options(folder)).RunSpec(spec);

        Assert.Equal((3, 1), (first.Executed, first.Busy));
        Assert.Equal((1, 3, 0), (second.Executed, second.Skipped, second.Busy));
        Assert.Equal(held.Key, executor.Executed.Last());
        Assert.False(store.Renew(id, other, TimeSpan.FromHours(1))); // the old holder learns it lost the trial
    }

    [Fact]
    public void Killed_runner_process_is_resumed_where_it_stopped()
    {
        using var folder = new TempFolder();
        var (db, ready) = (folder.File("results.db"), folder.File("ready"));
        using (var child = ChildProcess.Start("runner", ("STORE", db), ("RUNS", folder.Path), ("HANG_AT", "2"), ("READY", ready)))
        {
            ChildProcess.WaitForFile(ready, () => !child.HasExited, () => child.Output, "the child runner never reached its third trial", 60);
            child.Kill(); // mid-trial, as a crash or an OOM kill would
        }
        using var store = ResultsStore.Open(db);
        Assert.Equal(["completed", "completed", "started", "queued"], store.ReadTrials().Select(t => t.Status));
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
        Assert.Equal(["completed", "interrupted", "queued", "queued"], store.ReadTrials().Select(t => t.Status));
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
}
