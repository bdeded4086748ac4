using System.CommandLine;
using System.Globalization;
using SerDarts.Experiments.Cluster;
using SerDarts.Experiments.Execution;
using SerDarts.Experiments.Store;
using SerDarts.Runs;
using SerDarts.Runtime;

namespace SerDarts.Cli.Commands;

/// <summary>
/// <c>serdarts worker --store S --runs DIR (--suite NAME [--preset P] | --spec FILE)</c>: registers the trials
/// (idempotent), then claims and runs them one at a time until none is left, waiting while other workers hold some
/// (to take over any whose worker is preempted or dies). Any number of workers, on one machine or many sharing the
/// store and the runs folder, cooperate through the store alone. SIGTERM or Ctrl-C releases the running trial
/// after its next checkpoint. Logs one line per event (Slurm output files, worker logs).
/// </summary>
internal static class WorkerCommand
{
    public static Command Create()
    {
        var suite = new SuiteCliOptions(required: false);
        var spec = new Option<FileInfo?>("--spec") { Description = "Experiment spec (JSON), instead of --suite." };
        var noWait = new Option<bool>("--no-wait") { Description = "Stop when nothing is claimable instead of waiting for trials other workers hold." };
        var poll = new Option<int>("--poll") { Description = "Seconds between looks for claimable trials while waiting.", DefaultValueFactory = _ => 10 };
        var options = RunnerCliOptions.Create();
        var command = new Command("worker", "Claim and run trials of a suite or spec from a shared results store until none is left.") { spec, noWait, poll };
        suite.AddTo(command);
        options.AddTo(command, parallel: false);
        command.SetAction(result => CliErrors.Run("worker", () =>
        {
            var hasSuite = result.GetValue(suite.Suite) is not null;
            if (hasSuite == (result.GetValue(spec) is not null)) throw new ArgumentException("give either --suite or --spec");
            var selection = hasSuite ? suite.Selection(result, options)
                : RunCommand.Selection(result.GetValue(spec)!, result.GetValue(suite.Preset), result, options);
            if (options.PrintOnly(result)) return RunnerCli.PrintTrials(selection.Variants, result);
            var runner = options.Runner(result) with
            {
                WaitForBusy = !result.GetValue(noWait),
                PollInterval = TimeSpan.FromSeconds(Math.Max(1, result.GetValue(poll))),
            };
            return Work(selection, runner, options.StoreLocation(result));
        }));
        return command;
    }

    private static int Work(WorkSelection selection, RunnerOptions options, StoreLocation location)
    {
        using var signals = new TerminationSignals("worker");
        var owner = TrialOwner.ForThisProcess();
        var log = new WorkerLog(owner);
        log.Line($"store {location.Display}, runs {options.RunsFolder}, torch threads {WorkerSetup.Apply(selection.Execution)}, " +
                 $"CUDA_VISIBLE_DEVICES={Environment.GetEnvironmentVariable("CUDA_VISIBLE_DEVICES") ?? "unset"}, lease {options.Lease.TotalSeconds:0} s");
        using var store = ResultsStore.Open(location);
        var runner = new ExperimentRunner(store, TrialExecutors.CreateDefault(), options with { Owner = owner });
        try
        {
            var plan = selection.Plan(runner);
            log.Line($"{plan.Label}: {plan.Trials.Count} trials registered");
            var summary = runner.Run(plan, new SyncProgress<RunnerEvent>(log.Event), signals.Token);
            log.Line($"{plan.Label}: done: {summary.Executed} executed here, {summary.Skipped} by others or before, {summary.Busy} held by others, {summary.Failed} failed here; store: {store.ReadTrialCounts(plan.TrialIds)}");
            return summary.Failed > 0 ? CliErrors.SomeFailed : CliErrors.Done;
        }
        catch (OperationCanceledException) when (signals.Received is not null)
        {
            log.Line($"stopped by {signals.Received}; the running trial was released (interrupted) and resumes in the next worker");
            return signals.ExitCode;
        }
    }

    /// <summary>One timestamped line per event, prefixed with this worker's host and process.</summary>
    private sealed class WorkerLog(TrialOwner owner)
    {
        public void Line(string text) =>
            Console.WriteLine($"{DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)} worker {owner.Host}:{owner.ProcessId}: {text}");

        public void Event(RunnerEvent e)
        {
            var trial = e.Trial is { } t ? $"[{e.Index + 1}/{e.Count}] {t.Spec.Name} fold {t.Fold} seed {t.Seed} ({t.Key})" : "";
            switch (e.Kind)
            {
                case RunnerEventKind.TrialStarted: Line($"{trial}: started{(e.Resumed ? " (resumed from its checkpoints)" : "")}"); break;
                case RunnerEventKind.TrialCompleted: Line($"{trial}: completed, test UA {e.Outcome!.Test.UnweightedAccuracy:P2}"); break;
                case RunnerEventKind.TrialFailed: Line($"{trial}: FAILED {e.Message?.Split('\n')[0]}"); break;
                case RunnerEventKind.TrialLeaseLost: Line($"{trial}: {e.Message}"); break;
                case RunnerEventKind.Waiting: Line(e.Message ?? "waiting"); break;
                case RunnerEventKind.TrialProgress when e.Detail is { Phase: "search" or "train", Steps: > 0 } d && d.Step > 0:
                    Line($"{trial}: {d.Phase} epoch {d.Step}/{d.Steps}" + (d.UnweightedAccuracy is { } ua ? $", validation UA {ua:P1}" : ""));
                    break;
            }
        }
    }
}
