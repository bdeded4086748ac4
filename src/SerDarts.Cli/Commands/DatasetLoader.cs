using SerDarts.Training;

namespace SerDarts.Cli.Commands;

/// <summary>Which corpus, fold and feature settings a command works on (stored as dataset.json in the run directory).</summary>
/// <param name="Dataset">Corpus name (e.g. iemocap, sample).</param>
/// <param name="Root">Corpus folder.</param>
/// <param name="Fold">Fold index (held-out speaker / session).</param>
/// <param name="Preset">Feature preset: paper (128x128 MFCC) or small (64x64).</param>
internal sealed record DatasetRequest(string Dataset, string Root, int Fold, string Preset);

/// <summary>The sets of one fold: the bilevel weight/architecture halves of the training part, a validation set
/// and the held-out test set, as [N, 1, F, T] features with 4-class labels.</summary>
internal sealed record FoldData(TensorDataset Weights, TensorDataset Architecture, TensorDataset Train,
    TensorDataset Validation, TensorDataset Test);

/// <summary>
/// The one place where the CLI turns a corpus into tensors. Corpus loading and feature extraction come from
/// the corpora and features areas; this placeholder is wired to them at integration.
/// </summary>
internal static class DatasetLoader
{
    public static FoldData Load(DatasetRequest request) =>
        throw new NotImplementedException(
            $"wired at integration: loading '{request.Dataset}' from {request.Root} (fold {request.Fold}, " +
            $"{request.Preset} features) needs the corpora and features libraries");

    public static string PathIn(string runDir) => Path.Combine(runDir, "dataset.json");

    public static void Save(string runDir, DatasetRequest request)
    {
        Directory.CreateDirectory(runDir);
        Runtime.AtomicFile.WriteAllText(PathIn(runDir), ConfigJson.Serialize(request));
    }

    public static DatasetRequest Read(string runDir) => ConfigJson.Load<DatasetRequest>(PathIn(runDir));
}
