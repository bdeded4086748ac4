using System.CommandLine;
using SerDarts.Experiments.Execution;
using SerDarts.Experiments.Specs;
using SerDarts.Experiments.Store;

namespace SerDarts.Cli.Commands;

/// <summary>Options shared by run, ablate and worker.</summary>
internal sealed class RunnerCliOptions
{
    public Option<DirectoryInfo> Runs { get; } = new("--runs") { Description = "Runs folder (trial folders, default store); shared by every machine of a cluster.", DefaultValueFactory = _ => new DirectoryInfo("runs") };
    public Option<string?> Store { get; } = new("--store") { Description = "Results store: a SQLite file (default: <runs>/results.db) or PostgreSQL (postgres://user:password@host:5432/db or Host=...;Database=...)." };
    public Option<string?> Folds { get; } = new("--folds") { Description = "Fold indices, e.g. 0 or 0,2-4 (default: the spec's, else all)." };
    public Option<string?> Seeds { get; } = new("--seeds") { Description = "Seeds, e.g. 0,1,2 (default: the spec's)." };
    public Option<string?> Device { get; } = new("--device") { Description = "auto, cpu, cuda or cuda:N." };
    public Option<int> Parallel { get; } = new("--parallel") { Description = "Worker processes to start on this machine (each runs one trial at a time; cores / N torch threads each unless execution.threads is set).", DefaultValueFactory = _ => 1 };
    public Option<string[]> Set { get; } = new("--set") { Description = "Override any spec field of every variant: --set search.epochs=3 (repeatable)." };
    public Option<bool> PrintConfig { get; } = new("--print-config") { Description = "Print the resolved trials (trial.json of each, as a JSON array) and exit." };
    public Option<int> Lease { get; } = new("--lease") { Description = "Seconds a claim holds without renewal; a dead worker's trial is taken over after this.", DefaultValueFactory = _ => 180 };

    public static RunnerCliOptions Create() => new();

    public void AddTo(Command command, bool parallel = true)
    {
        foreach (var option in new Option[] { Runs, Store, Folds, Seeds, Device, Set, PrintConfig, Lease }) command.Options.Add(option);
        if (parallel) command.Options.Add(Parallel);
    }

    public SpecOverrides Overrides(ParseResult result, string? corpus = null, string? root = null) => new(
        Folds: result.GetValue(Folds) is { } f ? IndexList.Parse(f) : null,
        Seeds: result.GetValue(Seeds) is { } s ? IndexList.Parse(s) : null,
        CorpusName: corpus, CorpusRoot: root, Device: result.GetValue(Device),
        Set: (result.GetValue(Set) ?? []).Select(SpecOverrides.ParseAssignment).ToList());

    public bool PrintOnly(ParseResult result) => result.GetValue(PrintConfig);

    public RunnerOptions Runner(ParseResult result)
    {
        var lease = TimeSpan.FromSeconds(result.GetValue(Lease));
        if (lease < TimeSpan.FromSeconds(2)) throw new ArgumentException($"--lease must be at least 2 seconds (got {lease.TotalSeconds})");
        var heartbeat = TimeSpan.FromSeconds(Math.Clamp(lease.TotalSeconds / 6, 1, 30));
        return new() { RunsFolder = RunsFolder(result), Lease = lease, HeartbeatInterval = heartbeat };
    }

    public string RunsFolder(ParseResult result) => result.GetValue(Runs)!.FullName;

    public StoreLocation StoreLocation(ParseResult result) =>
        Experiments.Store.StoreLocation.Parse(result.GetValue(Store) ?? ResultsStore.DefaultPath(RunsFolder(result)));

    /// <summary>The <c>serdarts worker</c> arguments that reproduce these options (the store without its password).</summary>
    public List<string> WorkerArguments(ParseResult result)
    {
        var arguments = new List<string> { "worker", "--store", StoreLocation(result).WithoutPassword, "--runs", RunsFolder(result) };
        foreach (var (option, value) in new[] { (Folds, result.GetValue(Folds)), (Seeds, result.GetValue(Seeds)), (Device, result.GetValue(Device)) })
            if (value is not null) arguments.AddRange([option.Name, value]);
        foreach (var assignment in result.GetValue(Set) ?? []) arguments.AddRange([Set.Name, assignment]);
        arguments.AddRange([Lease.Name, result.GetValue(Lease).ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        return arguments;
    }
}
