using System.CommandLine;
using SerDarts.Experiments.Specs;

namespace SerDarts.Cli.Commands;

/// <summary>
/// What the stage verbs (search, train) share: the trial they are a stage of. A base spec (--spec, else the
/// defaults) resolved like every other entry point's (<see cref="SpecResolution"/>: preset, then overrides),
/// plus --fold and --seed. Each convenience flag is an override of one spec path; --set reaches any other.
/// </summary>
internal sealed class StageOptions
{
    private readonly Option<FileInfo?> spec = new("--spec") { Description = "Base experiment spec (JSON); default: the spec defaults (the paper's numbers)." };
    private readonly Option<string?> preset = new("--preset") { Description = "Resize the spec: paper, small (2-core CPU) or smoke (checks that it runs)." };
    private readonly Option<string?> dataset = new("--dataset") { Description = "Corpus: sample (the embedded corpus), iemocap, ravdess, cremad, emodb or manifest." };
    private readonly Option<string?> root = new("--root") { Description = "Corpus folder (not needed for sample)." };
    private readonly Option<int> fold = new("--fold") { Description = "Fold of the split (held-out speakers).", DefaultValueFactory = _ => 0 };
    private readonly Option<int> seed = new("--seed") { Description = "Trial seed (search, sampling and training).", DefaultValueFactory = _ => 0 };
    private readonly Option<string[]> set = new("--set") { Description = "Override any spec field: --set search.epochs=3 (repeatable).", AllowMultipleArgumentsPerToken = false };
    private readonly Option<string?> device = new("--device") { Description = "auto, cpu, cuda or cuda:N." };
    private readonly Option<int?> threads = new("--threads") { Description = "torch CPU threads of this process." };
    private readonly Option<bool> printConfig = new("--print-config") { Description = "Print the resolved trial (trial.json) and exit." };
    private readonly IReadOnlyList<(Option<string?> Option, string Path)> shortcuts;

    /// <param name="shortcuts">Flags that set one spec path each: ("--epochs", "search.epochs", "Search epochs.").</param>
    public StageOptions(params (string Flag, string Path, string Description)[] shortcuts)
    {
        preset.AcceptOnlyFromAmong([.. ExperimentPresets.Names]);
        this.shortcuts = shortcuts.Select(s => (new Option<string?>(s.Flag) { Description = $"{s.Description} (sets {s.Path})" }, s.Path)).ToList();
    }

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { spec, preset, dataset, root, fold, seed, set, device, threads, printConfig })
            command.Options.Add(option);
        foreach (var (option, _) in shortcuts) command.Options.Add(option);
    }

    /// <summary>The trial these options describe, with <paramref name="network"/> forced when the verb implies it.</summary>
    public TrialSpec Trial(ParseResult r, string? networkKind = null)
    {
        var baseSpec = r.GetValue(spec) is { } file ? ExperimentSpec.Load(file.FullName) : new ExperimentSpec();
        if (networkKind is not null) baseSpec = baseSpec with { Network = baseSpec.Network with { Kind = networkKind } };
        var assignments = new List<(string, System.Text.Json.Nodes.JsonNode?)>();
        foreach (var (option, path) in shortcuts)
            if (r.GetValue(option) is { } value) assignments.Add(SpecOverrides.ParseAssignment($"{path}={value}"));
        assignments.AddRange((r.GetValue(set) ?? []).Select(SpecOverrides.ParseAssignment));
        if (r.GetValue(threads) is int t) assignments.Add(("execution.threads", t));
        var overrides = new SpecOverrides(CorpusName: r.GetValue(dataset), CorpusRoot: r.GetValue(root), Device: r.GetValue(device), Set: assignments);
        return SpecResolution.Trial(baseSpec, r.GetValue(preset), overrides, r.GetValue(fold), r.GetValue(seed));
    }

    public bool PrintOnly(ParseResult r) => r.GetValue(printConfig);

    /// <summary>Default run directory: runs/&lt;verb&gt;-&lt;corpus&gt;-fold&lt;f&gt;-seed&lt;s&gt;.</summary>
    public static string DefaultDirectory(string verb, TrialSpec trial) =>
        Path.Combine("runs", $"{verb}-{trial.Spec.Corpus.Name}-fold{trial.Fold}-seed{trial.Seed}");

}
