using SerDarts.Experiments.Execution;
using SerDarts.Experiments.Outcomes;
using SerDarts.Experiments.Store;
using SerDarts.Runs;

namespace SerDarts.Tests.Experiments;

/// <summary>
/// The "worker" child role: <c>serdarts worker</c>'s loop in a separate process, on STORE and RUNS, running the spec
/// <see cref="TestSpecs.Worker"/> with FOLDS folds, waiting for trials other workers hold. EXECUTOR picks the
/// <see cref="ScriptedExecutor"/> (default; DELAY_MS per trial) or the <see cref="TinyTrainingExecutor"/> (with HANG_AT = k
/// it writes READY after epoch k's checkpoint and hangs, so the parent can kill it there). OWNER_HOST names the
/// machine it claims as (another host than the parent's makes the lease the only way to notice its death);
/// LEASE_MS sets its lease. With BLOCK_FOLD = f the scripted trial of fold f writes READY and waits for SIGTERM or SIGINT,
/// which the worker handles as <c>serdarts worker</c> does. It prints the trial keys it executed.
/// </summary>
internal static class WorkerRoles
{
    public static int Worker()
    {
        using var store = ResultsStore.Open(Variable("STORE"));
        var folds = int.Parse(Optional("FOLDS") ?? "4");
        var hangAt = int.Parse(Optional("HANG_AT") ?? "-1");
        var blockFold = int.Parse(Optional("BLOCK_FOLD") ?? "-1");
        using var signals = new TerminationSignals("test worker");
        var delay = int.Parse(Optional("DELAY_MS") ?? "0");
        var executed = new List<string>();
        ITrialExecutor executor = Optional("EXECUTOR") == "tiny"
            ? new TinyTrainingExecutor(folds: folds) { AfterCheckpoint = epoch => Hang(epoch == hangAt) }
            : new ScriptedExecutor(folds)
            {
                During = (trial, _, ct) =>
                {
                    lock (executed) executed.Add(trial.Key);
                    Thread.Sleep(delay);
                    if (trial.Fold == blockFold) Block(ct);
                },
            };
        var lease = TimeSpan.FromMilliseconds(int.Parse(Optional("LEASE_MS") ?? "60000"));
        var owner = TrialOwner.ForThisProcess() with { Host = Optional("OWNER_HOST") ?? Environment.MachineName };
        var options = new RunnerOptions
        {
            RunsFolder = Variable("RUNS"), GitCommit = "child", Owner = owner, WaitForBusy = true,
            Lease = lease, HeartbeatInterval = lease / 6, PollInterval = TimeSpan.FromMilliseconds(100),
        };
        RunSummary summary;
        try { summary = new ExperimentRunner(store, executor, options).RunSpec(TestSpecs.Worker(executor is TinyTrainingExecutor), cancellationToken: signals.Token); }
        catch (OperationCanceledException) when (signals.Received is not null)
        {
            Console.WriteLine($"stopped by {signals.Received}");
            return signals.ExitCode;
        }
        Console.WriteLine($"executed={summary.Executed} skipped={summary.Skipped} busy={summary.Busy} failed={summary.Failed}");
        Console.WriteLine($"keys={string.Join(",", executed)}");
        foreach (var failure in summary.Failures) Console.WriteLine($"failure {failure.Trial.Key}: {failure.Error}");
        return 0;
    }

    private static void Hang(bool now)
    {
        if (!now) return;
        File.WriteAllText(Variable("READY"), "ready");
        Thread.Sleep(Timeout.Infinite);
    }

    /// <summary>Writes READY, then waits for the worker's cancellation (a signal) as a trial between checkpoints would.</summary>
    private static void Block(CancellationToken ct)
    {
        File.WriteAllText(Variable("READY"), "ready");
        ct.WaitHandle.WaitOne(TimeSpan.FromSeconds(120));
        ct.ThrowIfCancellationRequested();
    }

    private static string? Optional(string name) => Environment.GetEnvironmentVariable(name);

    private static string Variable(string name) =>
        Optional(name) ?? throw new InvalidOperationException($"child role needs {name}");
}
