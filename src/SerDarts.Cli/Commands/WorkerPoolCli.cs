using SerDarts.Experiments.Cluster;
using SerDarts.Experiments.Execution;
using SerDarts.Experiments.Store;
using SerDarts.Runs;
using Spectre.Console;

namespace SerDarts.Cli.Commands;

/// <summary><c>run/ablate --parallel N</c>: registers the trials, starts N <c>serdarts worker</c> processes on this
/// machine (each with cores / N torch threads unless --threads says otherwise, and its own GPU when there are
/// several), shows the store's counts until they end, and forwards SIGTERM / Ctrl-C to them.</summary>
internal static class WorkerPoolCli
{
    public static int Run(System.CommandLine.ParseResult result, RunnerCliOptions options, WorkSelection selection, int parallel, TerminationSignals signals)
    {
        var location = options.StoreLocation(result);
        var runs = options.RunsFolder(result);
        using var store = ResultsStore.Open(location);
        var plan = selection.Plan(new ExperimentRunner(store, TrialExecutors.CreateDefault(), options.Runner(result)));
        // The spec's execution.threads wins; otherwise the cores are shared out.
        var threads = selection.Execution.Threads > 0 ? selection.Execution.Threads : Math.Max(1, Environment.ProcessorCount / parallel);
        var command = WorkerCommandLine.ForThisProgram([.. options.WorkerArguments(result), .. selection.WorkerArguments,
            options.Set.Name, $"execution.threads={threads.ToString(System.Globalization.CultureInfo.InvariantCulture)}"]);
        using var workers = WorkerProcesses.Start(command, parallel, Path.Combine(runs, "workers"), selection.Label,
            location.PasswordEnvironment(), GpuCount());
        AnsiConsole.MarkupLine($"[bold]{Markup.Escape(selection.Label)}[/]: {plan.Trials.Count} trials, {parallel} worker processes ({threads} torch threads each); logs in {Markup.Escape(workers.LogFolder)}");
        var terminated = false;
        AnsiConsole.Progress().AutoClear(false).Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(context =>
            {
                var bar = context.AddTask("trials", autoStart: true, maxValue: Math.Max(1, plan.Trials.Count));
                while (!workers.WaitForExit(TimeSpan.FromSeconds(2)))
                {
                    if (signals.Received is not null && !terminated) { workers.Terminate(); terminated = true; }
                    Show(bar, store.ReadTrialCounts(plan.TrialIds));
                }
                Show(bar, store.ReadTrialCounts(plan.TrialIds));
            });
        var counts = store.ReadTrialCounts(plan.TrialIds);
        AnsiConsole.MarkupLine($"[bold]{Markup.Escape(selection.Label)}[/]: {counts}. Store: {Markup.Escape(store.Path)}");
        var failedWorkers = workers.ExitCodes.Count(c => c != 0);
        if (failedWorkers > 0 && !terminated) AnsiConsole.MarkupLine($"[red]{failedWorkers} worker(s) ended with an error[/]: see {Markup.Escape(workers.LogFolder)}");
        if (terminated) return signals.ExitCode;
        return counts.Failed > 0 || failedWorkers > 0 ? CliErrors.SomeFailed : CliErrors.Done;
    }

    private static void Show(ProgressTask bar, TrialCounts counts)
    {
        bar.Value = counts.Done;
        bar.Description = Markup.Escape($"trials: {counts}");
    }

    /// <summary>CUDA devices this machine has (0 without CUDA): workers are spread over them.</summary>
    private static int GpuCount() => TorchSharp.torch.cuda.is_available() ? TorchSharp.torch.cuda.device_count() : 0;
}
