using System.Data.Common;
using SerDarts.Experiments.Execution;
using SerDarts.Experiments.Store;
using SerDarts.Tests.Experiments;

namespace SerDarts.Tests.Reliability;

/// <summary>
/// Expected failures end in one line naming the file and the problem, with a documented exit code, and the store
/// stays consistent: no trial is left 'started' by a run that stopped.
/// </summary>
public class FailureTests
{
    private static ChildProcess Cli(params string[] args) =>
        ChildProcess.Start("cli", ("CLI_ARGS", System.Text.Json.JsonSerializer.Serialize(args)));

    private static void AssertOneLineError(string output, string expected)
    {
        Assert.Contains(expected, output);
        Assert.DoesNotContain("Unhandled exception", output);
        Assert.DoesNotContain("   at ", output); // no stack trace
    }

    [TmpfsFact]
    public void A_stage_verb_writing_into_a_read_only_folder_says_so_in_one_line()
    {
        using var readOnly = Tmpfs.Mount(64, readOnly: true);
        using var child = Cli("search", "--dataset", "sample", "--preset", "smoke", "--out", Path.Combine(readOnly.Path, "search"));
        var code = child.WaitForExit(TimeSpan.FromMinutes(5));
        Assert.True(code == 3, $"exit {code}: {child.Output}");
        AssertOneLineError(child.Output, "serdarts search:");
        Assert.Contains("Read-only file system", child.Output);
    }

    [Fact]
    public void Evaluate_on_a_search_folder_says_what_it_needs()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.File("search"));
        using var child = Cli("evaluate", "--run", folder.File("search"));
        var code = child.WaitForExit(TimeSpan.FromMinutes(2));
        Assert.True(code == 2, $"exit {code}: {child.Output}");
        AssertOneLineError(child.Output, "trial.json");
    }

    /// <summary>
    /// The store lives on a 1 MB tmpfs and the second trial fills it before its outcome is written: the run stops
    /// with the store's error, that trial is marked failed (a small update still fits where the outcome did not),
    /// the first trial stays completed, and once room is made the next run completes the rest.
    /// </summary>
    [TmpfsFact]
    public void A_full_disk_stops_the_run_without_leaving_a_trial_started()
    {
        using var disk = Tmpfs.Mount(1024);
        var filler = Path.Combine(disk.Path, "filler");
        var executor = new ScriptedExecutor
        {
            During = (trial, _, _) =>
            {
                if (trial.Fold != 1 || File.Exists(filler)) return;
                using var fill = File.Create(filler);
                var block = new byte[4096];
                try { while (true) fill.Write(block); }
                catch (IOException) { } // the disk is full now
            },
        };
        var options = new RunnerOptions { RunsFolder = Path.Combine(disk.Path, "runs"), GitCommit = "test" };
        using (var store = ResultsStore.Open(Path.Combine(disk.Path, "results.db")))
        {
            var failure = Record.Exception(() => new ExperimentRunner(store, executor, options).RunSpec(TestSpecs.FourFolds()));
            Assert.True(failure is DbException or IOException, $"expected the store's error, got {failure}");
            Assert.Contains("full", failure!.Message, StringComparison.OrdinalIgnoreCase);
            var trials = store.ReadTrials();
            Assert.DoesNotContain(trials, t => t.Status == "started");
            Assert.Equal("completed", trials.Single(t => t.Fold == 0).Status);
            Assert.Equal("failed", trials.Single(t => t.Fold == 1).Status);
        }
        File.Delete(filler);
        using (var store = ResultsStore.Open(Path.Combine(disk.Path, "results.db")))
        {
            var summary = new ExperimentRunner(store, new ScriptedExecutor(), options).RunSpec(TestSpecs.FourFolds());
            Assert.Equal((3, 1), (summary.Executed, summary.Skipped));
            Assert.All(store.ReadTrials(), t => Assert.Equal("completed", t.Status));
        }
    }
}
