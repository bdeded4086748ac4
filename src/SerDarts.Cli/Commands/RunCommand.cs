using SerDarts.Runtime;
using System.CommandLine;
using SerDarts.Experiments;
using Spectre.Console;

namespace SerDarts.Cli.Commands;

/// <summary><c>serdarts run --spec spec.json [--preset P]</c>: runs one experiment spec over its folds and seeds.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var spec = new Option<FileInfo>("--spec") { Description = "Experiment spec (JSON).", Required = true };
        var preset = new Option<string?>("--preset") { Description = "Resize the spec: paper, small (2-core CPU) or smoke." };
        preset.AcceptOnlyFromAmong([.. ExperimentPresets.Names]);
        var options = RunnerCliOptions.Create();
        var command = new Command("run", "Run an experiment spec: every fold x seed, skipping trials already in the store.") { spec, preset };
        options.AddTo(command);
        command.SetAction((result, cancellationToken) => Task.FromResult(CliErrors.Run("run", () =>
        {
            var file = result.GetValue(spec)!;
            var chosen = SpecResolution.Resolve(ExperimentSpec.Load(file.FullName), result.GetValue(preset), options.Overrides(result), file.Name);
            if (options.PrintOnly(result)) return RunnerCli.PrintTrials([new SuiteVariant(chosen.Name, "spec", "", 0, chosen)], result);
            ProcessSetup.Apply(chosen.Execution);
            return RunnerCli.Run(chosen.Name, (runner, progress) => runner.RunSpec(chosen, progress, cancellationToken), options.Runner(result), options.StorePath(result));
        })));
        return command;
    }
}

/// <summary>Options shared by run and ablate.</summary>
internal sealed class RunnerCliOptions
{
    public Option<DirectoryInfo> Runs { get; } = new("--runs") { Description = "Runs folder (trial folders, default store).", DefaultValueFactory = _ => new DirectoryInfo("runs") };
    public Option<FileInfo?> Store { get; } = new("--store") { Description = "Results store file (default: <runs>/results.db)." };
    public Option<string?> Folds { get; } = new("--folds") { Description = "Fold indices, e.g. 0 or 0,2-4 (default: the spec's, else all)." };
    public Option<string?> Seeds { get; } = new("--seeds") { Description = "Seeds, e.g. 0,1,2 (default: the spec's)." };
    public Option<string?> Device { get; } = new("--device") { Description = "auto, cpu, cuda or cuda:N." };
    public Option<int> Parallel { get; } = new("--parallel") { Description = "Trials run at once by this process.", DefaultValueFactory = _ => 1 };
    public Option<string[]> Set { get; } = new("--set") { Description = "Override any spec field of every variant: --set search.epochs=3 (repeatable)." };
    public Option<bool> PrintConfig { get; } = new("--print-config") { Description = "Print the resolved trials (trial.json of each, as a JSON array) and exit." };

    public static RunnerCliOptions Create() => new();

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Runs, Store, Folds, Seeds, Device, Parallel, Set, PrintConfig }) command.Options.Add(option);
    }

    public SpecOverrides Overrides(ParseResult result, string? corpus = null, string? root = null) => new(
        Folds: result.GetValue(Folds) is { } f ? IndexList.Parse(f) : null,
        Seeds: result.GetValue(Seeds) is { } s ? IndexList.Parse(s) : null,
        CorpusName: corpus, CorpusRoot: root, Device: result.GetValue(Device),
        Set: (result.GetValue(Set) ?? []).Select(SpecOverrides.ParseAssignment).ToList());

    public bool PrintOnly(ParseResult result) => result.GetValue(PrintConfig);

    public RunnerOptions Runner(ParseResult result) =>
        new() { RunsFolder = result.GetValue(Runs)!.FullName, MaxParallelTrials = result.GetValue(Parallel) };

    public string StorePath(ParseResult result) =>
        result.GetValue(Store)?.FullName ?? ResultsStore.DefaultPath(result.GetValue(Runs)!.FullName);
}

/// <summary>Runs variants with a progress display; turns expected failures into one-line messages.</summary>
internal static class RunnerCli
{
    /// <summary>Runs <paramref name="run"/> with a runner on the store and a progress sink that drives the display.</summary>
    public static int Run(string label, Func<ExperimentRunner, IProgress<RunnerEvent>, RunSummary> run, RunnerOptions options, string storePath)
    {
        var executor = TrialExecutors.CreateDefault();
        using var store = ResultsStore.Open(storePath);
        RunSummary summary = null!;
        AnsiConsole.Progress().AutoClear(false).Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(context =>
            {
                var trials = context.AddTask("trials", autoStart: true, maxValue: 1);
                var current = context.AddTask("waiting", autoStart: true, maxValue: 1);
                summary = run(new ExperimentRunner(store, executor, options), new SyncProgress<RunnerEvent>(e => Show(e, trials, current)));
            });
        AnsiConsole.MarkupLine($"[bold]{Markup.Escape(label)}[/]: {summary.Executed} executed, {summary.Skipped} already done, {summary.Busy} held by another runner, {summary.Failed} failed. Store: {Markup.Escape(store.Path)}");
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
