using SerDarts.Experiments.Cluster;
using SerDarts.Experiments.Execution;
using SerDarts.Experiments.Specs;
using SerDarts.Experiments.Store;

namespace SerDarts.Tests.Experiments;

/// <summary>Local worker processes (what <c>--parallel N</c> starts) and what SIGTERM does to them.</summary>
public class WorkerSignalTests
{
    [Theory, InlineData(TestStore.Sqlite), PostgresBackend]
    public void Sigterm_releases_the_running_trial_and_the_next_worker_resumes_it_from_its_checkpoint(string backend)
    {
        using var folder = new TempFolder();
        using var db = TestStore.Create(backend, folder);
        var ready = folder.File("ready");
        var environment = new Dictionary<string, string>
        {
            [ChildProcessRoles.RoleVariable] = "worker", ["STORE"] = db.Location, ["RUNS"] = folder.Path, ["FOLDS"] = "3",
            ["BLOCK_FOLD"] = "1", ["READY"] = ready,
        };
        int exitCode;
        using (var workers = WorkerProcesses.Start(TestWorker(), 1, folder.File("logs"), "paper@smoke", environment))
        {
            ChildProcess.WaitForFile(ready, () => workers.Running == 1, () => Log(folder), "the worker never reached fold 1");
            workers.Terminate();
            Assert.True(workers.WaitForExit(TimeSpan.FromSeconds(60)), "the worker did not stop after SIGTERM");
            exitCode = workers.ExitCodes.Single()!.Value;
        }
        Assert.True(exitCode == 143, Log(folder));
        Assert.Contains("stopped by SIGTERM", Log(folder));
        using var store = db.Open();
        Assert.Equal(["completed", "interrupted", "queued"], store.ReadTrials().Select(t => t.Status));

        var executor = new ScriptedExecutor(folds: 3);
        var summary = new ExperimentRunner(store, executor, TestSpecs.Options(folder)).RunSpec(TestSpecs.Worker());

        Assert.Equal((2, 1), (summary.Executed, summary.Skipped));
        Assert.Equal([new TrialSpec(TestSpecs.Worker(), 1, 0).Key], executor.ResumedFromCheckpoint);
        Assert.Equal([1, 2, 1], store.ReadTrials().Select(t => t.Attempts));
    }

    [Fact]
    public void Worker_processes_share_the_trials_and_each_writes_its_own_log()
    {
        using var folder = new TempFolder();
        var environment = new Dictionary<string, string>
        {
            [ChildProcessRoles.RoleVariable] = "worker", ["STORE"] = folder.File("results.db"), ["RUNS"] = folder.Path,
            ["FOLDS"] = "9", ["DELAY_MS"] = "30",
        };
        using (ResultsStore.Open(folder.File("results.db"))) { } // the schema, before the race

        using (var workers = WorkerProcesses.Start(TestWorker(), 3, folder.File("logs"), "a/b suite", environment))
        {
            Assert.True(workers.WaitForExit(TimeSpan.FromSeconds(180)), Log(folder));
            Assert.Equal([0, 0, 0], workers.ExitCodes);
        }

        var logs = Directory.GetFiles(folder.File("logs")).Select(Path.GetFileName).Order();
        Assert.Equal(["a_b_suite-0.log", "a_b_suite-1.log", "a_b_suite-2.log"], logs);
        var executed = Directory.GetFiles(folder.File("logs")).Sum(f =>
            int.Parse(System.Text.RegularExpressions.Regex.Match(File.ReadAllText(f), @"executed=(\d+)").Groups[1].Value));
        Assert.Equal(9, executed);
        using var store = ResultsStore.Open(folder.File("results.db"));
        Assert.Equal(new TrialCounts(9, 0, 0, 0), store.ReadTrialCounts());
    }

    /// <summary>This test assembly as a worker process (the role comes from the environment).</summary>
    private static WorkerCommandLine TestWorker() => new(ChildProcess.DotnetHost(), ["exec", typeof(WorkerSignalTests).Assembly.Location]);

    private static string Log(TempFolder folder) =>
        Directory.Exists(folder.File("logs")) ? string.Join("\n", Directory.GetFiles(folder.File("logs")).Select(File.ReadAllText)) : "";
}
