using SerDarts.Runtime;
using System.CommandLine;
using SerDarts.Experiments;
using Spectre.Console;

namespace SerDarts.Cli.Commands;

/// <summary><c>serdarts run --spec spec.json</c>: runs one experiment spec over its folds and seeds.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var spec = new Option<FileInfo>("--spec") { Description = "Experiment spec (JSON).", Required = true };
        var options = RunnerCliOptions.Create();
        var command = new Command("run", "Run an experiment spec: every fold x seed, skipping trials already in the store.") { spec };
        options.AddTo(command);
        command.SetAction(result => RunnerCli.Guard("run", () =>
        {
            return RunnerCli.Execute("run", result, options, Selection(result.GetValue(spec)!, options.Overrides(result)));
        }));
        return command;
    }

    /// <summary>The spec in <paramref name="file"/> with the command line's overrides, stored under its name.</summary>
    public static WorkSelection Selection(FileInfo file, SpecOverrides overrides)
    {
        var spec = overrides.Apply(ExperimentSpec.Load(file.FullName)).EnsureValid(file.Name);
        return new WorkSelection(spec.Name, runner => runner.PlanSpec(spec), ["--spec", file.FullName]);
    }
}

/// <summary>What run or ablate asks for: the label trials are stored under, how to register them, and the same
/// selection as <c>serdarts worker</c> arguments (for worker processes and Slurm tasks).</summary>
internal sealed record WorkSelection(string Label, Func<ExperimentRunner, TrialPlan> Plan, IReadOnlyList<string> WorkerArguments);

/// <summary>Options shared by run, ablate and worker.</summary>
internal sealed class RunnerCliOptions
{
    public Option<DirectoryInfo> Runs { get; } = new("--runs") { Description = "Runs folder (trial folders, default store); shared by every machine of a cluster.", DefaultValueFactory = _ => new DirectoryInfo("runs") };
    public Option<string?> Store { get; } = new("--store") { Description = "Results store: a SQLite file (default: <runs>/results.db) or PostgreSQL (postgres://user:password@host:5432/db or Host=...;Database=...)." };
    public Option<string?> Folds { get; } = new("--folds") { Description = "Fold indices, e.g. 0 or 0,2-4 (default: the spec's, else all)." };
    public Option<string?> Seeds { get; } = new("--seeds") { Description = "Seeds, e.g. 0,1,2 (default: the spec's)." };
    public Option<string?> Device { get; } = new("--device") { Description = "auto, cpu, cuda or cuda:N." };
    public Option<int> Parallel { get; } = new("--parallel") { Description = "Worker processes to start on this machine (each runs one trial at a time).", DefaultValueFactory = _ => 1 };
    public Option<int> Threads { get; } = new("--threads") { Description = "torch CPU threads per process (default: Slurm's CPUs per task, else all cores; with --parallel N, cores / N)." };
    public Option<int> Lease { get; } = new("--lease") { Description = "Seconds a claim holds without renewal; a dead worker's trial is taken over after this.", DefaultValueFactory = _ => 180 };

    public static RunnerCliOptions Create() => new();

    public void AddTo(Command command, bool parallel = true)
    {
        foreach (var option in new Option[] { Runs, Store, Folds, Seeds, Device, Threads, Lease }) command.Options.Add(option);
        if (parallel) command.Options.Add(Parallel);
    }

    public SpecOverrides Overrides(ParseResult result, string? corpus = null, string? root = null) => new(
        Folds: result.GetValue(Folds) is { } f ? IndexList.Parse(f) : null,
        Seeds: result.GetValue(Seeds) is { } s ? IndexList.Parse(s) : null,
        CorpusName: corpus, CorpusRoot: root, Device: result.GetValue(Device));

    public RunnerOptions Runner(ParseResult result)
    {
        var lease = TimeSpan.FromSeconds(result.GetValue(Lease));
        if (lease < TimeSpan.FromSeconds(2)) throw new ArgumentException($"--lease must be at least 2 seconds (got {lease.TotalSeconds})");
        var heartbeat = TimeSpan.FromSeconds(Math.Clamp(lease.TotalSeconds / 6, 1, 30));
        return new() { RunsFolder = RunsFolder(result), Lease = lease, HeartbeatInterval = heartbeat };
    }

    public string RunsFolder(ParseResult result) => result.GetValue(Runs)!.FullName;

    public StoreLocation StoreLocation(ParseResult result) =>
        Experiments.StoreLocation.Parse(result.GetValue(Store) ?? ResultsStore.DefaultPath(RunsFolder(result)));

    /// <summary>The <c>serdarts worker</c> arguments that reproduce these options (the store without its password).</summary>
    public List<string> WorkerArguments(ParseResult result)
    {
        var arguments = new List<string> { "worker", "--store", StoreLocation(result).WithoutPassword, "--runs", RunsFolder(result) };
        foreach (var (option, value) in new[] { (Folds, result.GetValue(Folds)), (Seeds, result.GetValue(Seeds)), (Device, result.GetValue(Device)) })
            if (value is not null) arguments.AddRange([option.Name, value]);
        arguments.AddRange(["--lease", result.GetValue(Lease).ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        return arguments;
    }
}

/// <summary>Runs trials for run and ablate: in this process with a progress display, or in N worker processes;
/// turns expected failures into one-line messages.</summary>
internal static class RunnerCli
{
    public static int Execute(string verb, ParseResult result, RunnerCliOptions options, WorkSelection selection)
    {
        using var signals = new TerminationSignals(verb);
        var parallel = result.GetValue(options.Parallel);
        if (parallel < 1) throw new ArgumentException($"--parallel must be at least 1 (got {parallel})");
        if (parallel > 1) return WorkerPoolCli.Run(result, options, selection, parallel, signals);
        WorkerThreads.Apply(result.GetValue(options.Threads));
        try
        {
            return Run(selection.Label, (runner, progress) => runner.Run(selection.Plan(runner), progress, signals.Token),
                options.Runner(result), options.StoreLocation(result));
        }
        catch (OperationCanceledException) when (signals.Received is not null)
        {
            Console.Error.WriteLine($"serdarts {verb}: cancelled; the interrupted trial resumes on the next run");
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
        return summary.Failed > 0 ? 1 : 0;
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

    /// <summary>Runs a verb body; known failures print one line (exit 1), a missing executor exits 2.</summary>
    public static int Guard(string verb, Func<int> body)
    {
        try { return body(); }
        catch (NotImplementedException e)
        {
            Console.Error.WriteLine($"serdarts {verb}: {e.Message}");
            return 2;
        }
        catch (Exception e) when (e is InvalidDataException or FileNotFoundException or ArgumentException or FormatException or IOException or InvalidOperationException)
        {
            Console.Error.WriteLine($"serdarts {verb}: {e.Message}");
            return 1;
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine($"serdarts {verb}: cancelled; the interrupted trial resumes on the next run");
            return 130;
        }
    }
}
