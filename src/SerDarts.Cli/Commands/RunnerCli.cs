using System.CommandLine;
using SerDarts.Experiments.Cluster;
using SerDarts.Experiments.Execution;
using SerDarts.Experiments.Outcomes;
using SerDarts.Experiments.Store;
using SerDarts.Experiments.Suites;
using SerDarts.Runs;
using SerDarts.Runtime;
using Spectre.Console;

namespace SerDarts.Cli.Commands;

/// <summary>Runs trials for run and ablate: in this process with a progress display (the worker loop), or in N
/// worker processes (<c>--parallel N</c>).</summary>
internal static class RunnerCli
{
    public static int Execute(string verb, ParseResult result, RunnerCliOptions options, WorkSelection selection)
    {
        if (options.PrintOnly(result)) return PrintTrials(selection.Variants, result);
        var parallel = result.GetValue(options.Parallel);
        if (parallel < 1) throw new ArgumentException($"--parallel must be at least 1 (got {parallel})");
        using var signals = new TerminationSignals(verb);
        if (parallel > 1) return WorkerPoolCli.Run(result, options, selection, parallel, signals);
        WorkerSetup.Apply(selection.Execution);
        try
        {
            return Run(selection.Label, (runner, progress) => runner.Run(selection.Plan(runner), progress, signals.Token),
                options.Runner(result), options.StoreLocation(result));
        }
        catch (OperationCanceledException) when (signals.Received is not null)
        {
            Console.Error.WriteLine($"serdarts {verb}: interrupted; finished epochs are checkpointed and the run resumes where it stopped");
            return signals.ExitCode;
        }
    }

    /// <summary>Runs <paramref name="run"/> with a runner on the store and a progress sink that drives the display.</summary>
    public static int Run(string label, Func<ExperimentRunner, IProgress<RunnerEvent>, RunSummary> run, RunnerOptions options, string store) =>
        Run(label, run, options, StoreLocation.Parse(store));

    public static int Run(string label, Func<ExperimentRunner, IProgress<RunnerEvent>, RunSummary> run, RunnerOptions options, StoreLocation store)
    {
        var executor = TrialExecutors.CreateDefault();
        using var results = ResultsStore.Open(store);
        RunSummary summary = null!;
        AnsiConsole.Progress().AutoClear(false).Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(context =>
            {
                var trials = context.AddTask("trials", autoStart: true, maxValue: 1);
                var current = context.AddTask("waiting", autoStart: true, maxValue: 1);
                summary = run(new ExperimentRunner(results, executor, options), new SyncProgress<RunnerEvent>(e => Show(e, trials, current)));
            });
        AnsiConsole.MarkupLine($"[bold]{Markup.Escape(label)}[/]: {summary.Executed} executed, {summary.Skipped} already done, {summary.Busy} held by another worker, {summary.Failed} failed. Store: {Markup.Escape(results.Path)}");
        foreach (var failure in summary.Failures)
            AnsiConsole.MarkupLine($"[red]failed[/] {Markup.Escape(failure.Trial.Key)} ({Markup.Escape(failure.Trial.Spec.Name)}): {Markup.Escape(failure.Error.Split('\n')[0])}");
        return summary.Failed > 0 ? CliErrors.SomeFailed : CliErrors.Done;
    }

    /// <summary>Prints every trial the variants expand to (trial.json of each) as one JSON array.</summary>
    public static int PrintTrials(IReadOnlyList<SuiteVariant> variants, ParseResult result)
    {
        var trials = TrialPlanner.Plan(variants, TrialExecutors.CreateDefault().CountFolds);
        result.InvocationConfiguration.Output.WriteLine("[" + string.Join(",\n", trials.Select(t => TrialFile.ToJson(t).TrimEnd())) + "]");
        return CliErrors.Done;
    }

    private static void Show(RunnerEvent e, ProgressTask trials, ProgressTask current)
    {
        switch (e.Kind)
        {
            case RunnerEventKind.Planned: trials.MaxValue = Math.Max(1, e.Count); break;
            case RunnerEventKind.TrialStarted:
                current.Description = Markup.Escape($"{e.Trial!.Spec.Name} fold {e.Trial.Fold} seed {e.Trial.Seed}{(e.Resumed ? " (resumed)" : "")}");
                current.Value = 0;
                break;
            case RunnerEventKind.TrialProgress when e.Detail is { Steps: > 0 } d:
                current.MaxValue = d.Steps;
                current.Value = d.Step;
                current.Description = Markup.Escape($"{e.Trial!.Spec.Name} f{e.Trial.Fold} s{e.Trial.Seed}: {d.Phase} {d.Step}/{d.Steps}");
                break;
            case RunnerEventKind.TrialCompleted or RunnerEventKind.TrialSkipped or RunnerEventKind.TrialBusy or RunnerEventKind.TrialFailed:
                trials.Increment(1);
                break;
        }
    }
}
