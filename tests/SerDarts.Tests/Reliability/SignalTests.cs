using System.Diagnostics;
using SerDarts.Experiments.Specs;
using SerDarts.Experiments.Store;
using SerDarts.Tests.Experiments;

namespace SerDarts.Tests.Reliability;

/// <summary>
/// Signals to a real `serdarts run` (smoke preset on the sample corpus) in a child process: the first signal is
/// answered within seconds, says what happens, marks the trial interrupted and exits 130 or 143; a second Ctrl-C
/// ends the process at once; no signal sequence throws, and the next run finishes the trial either way.
/// </summary>
[Collection(Training.TorchSerialCollection.Name)]
public class SignalTests
{
    /// <summary>`serdarts run` of a small darts spec with 12 training epochs: long enough to be signalled mid-training.</summary>
    private static ChildProcess Run(TempFolder folder)
    {
        var spec = folder.File("spec.json");
        if (!File.Exists(spec)) new ExperimentSpec { Name = "signals" }.Save(spec);
        string[] args = ["run", "--spec", spec, "--preset", "smoke", "--set", "training.epochs=12", "--runs", folder.File("runs")];
        return ChildProcess.Start("cli", ("CLI_ARGS", System.Text.Json.JsonSerializer.Serialize(args)));
    }

    /// <summary>Waits until the trial's training has logged an epoch, i.e. it is in the middle of a trial.</summary>
    private static void WaitForTraining(ChildProcess child, string runs)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromMinutes(5))
        {
            var logs = Directory.Exists(runs) ? Directory.GetFiles(runs, "log.txt", SearchOption.AllDirectories) : [];
            if (logs.Any(l => l.Contains($"{Path.DirectorySeparatorChar}train{Path.DirectorySeparatorChar}") && File.ReadAllText(l).Contains("epoch 1/")))
                return;
            if (child.HasExited) throw new InvalidOperationException($"the run ended early: {child.Output}");
            Thread.Sleep(200);
        }
        throw new TimeoutException($"no training epoch within 5 minutes: {child.Output}");
    }

    /// <summary>A process started with SIGINT ignored passes that on to its children, and .NET keeps it (a
    /// non-interactive shell's background job starts so: `dotnet test ... &`). Says so instead of a baffling exit 0.</summary>
    private static void RequireSigintDeliverable()
    {
        if (!File.Exists("/proc/self/status")) return;
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        if (line is null) return;
        var ignored = Convert.ToUInt64(line["SigIgn:".Length..].Trim(), 16);
        Assert.True((ignored & (1UL << 1)) == 0, "SIGINT is ignored by this test process (inherited, e.g. from a shell's " +
            "background job), so the child cannot be interrupted with it: run dotnet test in the foreground");
    }

    private static void Signal(ChildProcess child, string signal)
    {
        if (signal == "INT") RequireSigintDeliverable();
        using var kill = Process.Start("kill", [$"-{signal}", child.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!;
        kill.WaitForExit();
    }

    private static IReadOnlyList<TrialRow> Trials(string runs)
    {
        using var store = ResultsStore.Open(ResultsStore.DefaultPath(runs));
        return store.ReadTrials();
    }

    /// <summary>Runs the same `serdarts run` again: it must exit 0 with the trial completed, resumed from a
    /// checkpoint; returns the training log.</summary>
    private static string RerunResumesAndCompletes(TempFolder folder, string runs)
    {
        using var again = Run(folder);
        var code = again.WaitForExit(TimeSpan.FromMinutes(10));
        Assert.True(code == 0, $"exit {code}: {again.Output}");
        Assert.Equal("completed", Trials(runs).Single().Status);
        var log = File.ReadAllText(Directory.GetFiles(runs, "log.txt", SearchOption.AllDirectories)
            .Single(l => l.Contains($"{Path.DirectorySeparatorChar}train{Path.DirectorySeparatorChar}")));
        Assert.Contains("resumed after epoch", log);
        return log;
    }

    [Theory]
    [InlineData("INT", 130)]
    [InlineData("TERM", 143)]
    public void One_signal_stops_within_seconds_and_marks_the_trial_interrupted(string signal, int exitCode)
    {
        using var folder = new TempFolder();
        var runs = folder.File("runs");
        using (var child = Run(folder))
        {
            WaitForTraining(child, runs);
            var clock = Stopwatch.StartNew();
            Signal(child, signal);
            var code = child.WaitForExit(TimeSpan.FromMinutes(2));
            Assert.True(code == exitCode, $"exit {code}: {child.Output}");
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"took {clock.Elapsed} to stop");
            Assert.Contains($"SIG{signal} received; stopping", child.Output);
            Assert.DoesNotContain("Unhandled exception", child.Output);
        }
        Assert.Equal("interrupted", Trials(runs).Single().Status);
    }

    [Fact]
    public void A_signal_that_lands_while_a_checkpoint_is_written_leaves_a_checkpoint_the_next_run_resumes_from()
    {
        using var folder = new TempFolder();
        var runs = folder.File("runs");
        using (var child = Run(folder))
        {
            WaitForTraining(child, runs);
            // The next checkpoint's temporary file (AtomicFile: ".<name>.<pid>.<guid>.tmp") appearing means a write has
            // begun; SIGTERM goes out from the inotify callback, while the payload is written and fsynced.
            var checkpoints = Directory.GetFiles(runs, "log.txt", SearchOption.AllDirectories)
                .Select(Path.GetDirectoryName).Single(d => d!.EndsWith($"{Path.DirectorySeparatorChar}train", StringComparison.Ordinal))!;
            using var signalled = new ManualResetEventSlim();
            using var watcher = new FileSystemWatcher(Path.Combine(checkpoints, "checkpoints"), "*.tmp") { IncludeSubdirectories = false };
            watcher.Created += (_, _) =>
            {
                if (signalled.IsSet) return;
                Signal(child, "TERM");
                signalled.Set();
            };
            watcher.EnableRaisingEvents = true;
            Assert.True(signalled.Wait(TimeSpan.FromMinutes(3)), $"no checkpoint write seen: {child.Output}");
            var code = child.WaitForExit(TimeSpan.FromMinutes(2));
            Assert.True(code == 143, $"exit {code}: {child.Output}");
            Assert.DoesNotContain("Unhandled exception", child.Output);
        }
        Assert.Equal("interrupted", Trials(runs).Single().Status);
        var log = RerunResumesAndCompletes(folder, runs);
        Assert.DoesNotContain("warning:", log); // the checkpoint it resumed from was whole: no damaged file passed over
    }

    [Fact]
    public void A_second_ctrl_c_ends_the_process_at_once_and_the_next_run_finishes_the_trial()
    {
        using var folder = new TempFolder();
        var runs = folder.File("runs");
        using (var child = Run(folder))
        {
            WaitForTraining(child, runs);
            Signal(child, "INT");
            Signal(child, "INT");
            child.WaitForExit(TimeSpan.FromSeconds(30));
            Assert.DoesNotContain("Unhandled exception", child.Output);
        }
        Assert.NotEqual("completed", Trials(runs).Single().Status);
        // Started by a process that is gone, or interrupted: either way the next run claims it and resumes.
        RerunResumesAndCompletes(folder, runs);
    }
}
