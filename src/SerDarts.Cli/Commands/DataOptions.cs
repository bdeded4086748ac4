using System.CommandLine;

namespace SerDarts.Cli.Commands;

/// <summary>The corpus options shared by search and train: --dataset, --root, --fold.</summary>
internal sealed class DataOptions
{
    private readonly Option<string?> dataset = new("--dataset") { Description = "Corpus name (iemocap, msp-improv, sample, ...)." };
    private readonly Option<string?> root = new("--root") { Description = "Corpus folder." };
    private readonly Option<int> fold = new("--fold") { Description = "Fold (held-out speaker group).", DefaultValueFactory = _ => 0 };

    public static DataOptions Create() => new();

    public void AddTo(Command command)
    {
        command.Options.Add(dataset);
        command.Options.Add(root);
        command.Options.Add(fold);
    }

    public bool Given(ParseResult r) => r.GetValue(dataset) is not null && r.GetValue(root) is not null;

    /// <summary>The request from the options; when they are absent and a run is resumed, the run's dataset.json.</summary>
    public DatasetRequest Read(ParseResult r, string preset, string runDir, bool resume)
    {
        if (Given(r)) return new(r.GetValue(dataset)!, Path.GetFullPath(r.GetValue(root)!), r.GetValue(fold), preset);
        if (resume && File.Exists(DatasetLoader.PathIn(runDir))) return DatasetLoader.Read(runDir);
        throw new ArgumentException("--dataset and --root are required (or --resume with --out pointing at a run that has dataset.json)");
    }

    /// <summary>Part of the default run-directory name.</summary>
    public string Label(ParseResult r) => $"{r.GetValue(dataset) ?? "data"}-fold{r.GetValue(fold)}";
}
