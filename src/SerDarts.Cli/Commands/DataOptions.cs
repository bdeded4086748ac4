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
    private DatasetRequest Read(ParseResult r, string preset, string runDir, bool resume)
    {
        if (Given(r))
        {
            var source = Corpora.CorpusSource.Resolve(r.GetValue(dataset), r.GetValue(root));
            return new(r.GetValue(dataset)!, source.Root, r.GetValue(fold), preset);
        }
        if (resume && File.Exists(DatasetLoader.PathIn(runDir))) return DatasetLoader.Read(runDir);
        throw new ArgumentException("--dataset is required (with --root for a real corpus), or --resume with --out pointing at a run that has dataset.json");
    }

    /// <summary>The request (see <see cref="Read"/>) and its fold's tensors; the request is stored in the run
    /// directory as dataset.json once the fold has loaded, for evaluate and --resume.</summary>
    public (DatasetRequest Request, FoldTensors Fold) Open(ParseResult r, string preset, string runDir, bool resume)
    {
        var request = Read(r, preset, runDir, resume);
        var fold = DatasetLoader.Load(request);
        DatasetLoader.Save(runDir, request);
        return (request, fold);
    }

    /// <summary>Part of the default run-directory name.</summary>
    public string Label(ParseResult r) => $"{r.GetValue(dataset) ?? "data"}-fold{r.GetValue(fold)}";
}
