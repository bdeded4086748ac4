using System.CommandLine;

namespace SerDarts.Cli.Commands;

/// <summary>The corpus options shared by search and train: --dataset, --root, --fold.</summary>
internal sealed class DataOptions
{
    private readonly Option<string?> dataset = new("--dataset") { Description = "Corpus: sample (the embedded corpus), iemocap, ravdess, cremad, emodb or manifest." };
    private readonly Option<string?> root = new("--root") { Description = "Corpus folder (not needed for sample)." };
    private readonly Option<int> fold = new("--fold") { Description = "Fold (held-out speaker group).", DefaultValueFactory = _ => 0 };

    public static DataOptions Create() => new();

    public void AddTo(Command command)
    {
        command.Options.Add(dataset);
        command.Options.Add(root);
        command.Options.Add(fold);
    }

    public bool Given(ParseResult r) => r.GetValue(dataset) is not null;

    /// <summary>The request from the options; when they are absent and a run is resumed, the run's dataset.json.</summary>
    public DatasetRequest Read(ParseResult r, string preset, string runDir, bool resume)
    {
        if (Given(r))
        {
            var source = Corpora.CorpusSource.Resolve(r.GetValue(dataset), r.GetValue(root));
            return new(r.GetValue(dataset)!, source.Root, r.GetValue(fold), preset);
        }
        if (resume && File.Exists(DatasetLoader.PathIn(runDir))) return DatasetLoader.Read(runDir);
        throw new ArgumentException("--dataset is required (with --root for a real corpus), or --resume with --out pointing at a run that has dataset.json");
    }

    /// <summary>Part of the default run-directory name.</summary>
    public string Label(ParseResult r) => $"{r.GetValue(dataset) ?? "data"}-fold{r.GetValue(fold)}";
}
