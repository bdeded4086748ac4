using SerDarts.Experiments;
using SerDarts.Features;
using SerDarts.Training;

namespace SerDarts.Cli.Commands;

/// <summary>Which corpus, fold and feature settings a command works on (stored as dataset.json in the run directory).</summary>
/// <param name="Dataset">Corpus name (e.g. iemocap, sample).</param>
/// <param name="Root">Corpus folder (null for the embedded sample corpus).</param>
/// <param name="Fold">Fold index (held-out speaker / session).</param>
/// <param name="Preset">Feature preset: paper (128x128 MFCC) or small (64x64).</param>
internal sealed record DatasetRequest(string Dataset, string? Root, int Fold, string Preset);

/// <summary>The sets of one fold: the bilevel weight/architecture halves of the training part, a validation set
/// and the held-out test set, as [N, 1, F, T] features with 4-class labels.</summary>
internal sealed record FoldTensors(TensorDataset Weights, TensorDataset Architecture, TensorDataset Train,
    TensorDataset Validation, TensorDataset Test);

/// <summary>
/// The one place where the CLI turns a corpus into tensors: the library's <see cref="Experiments.FoldData"/> (same
/// split seed as experiment trials, cached MFCC features on the preset's grid, training-fold normalisation).
/// </summary>
internal static class DatasetLoader
{
    /// <summary>Seed of the bilevel halves (the split itself uses the experiments' fixed split seed).</summary>
    private const int BilevelSeed = 0;

    public static FoldTensors Load(DatasetRequest request)
    {
        var spec = new ExperimentSpec
        {
            Corpus = new CorpusSpec(request.Dataset, request.Root),
            Features = new FeatureSettings(Grid: request.Preset),
        }.EnsureValid("command line");
        // The process ends after the command: the fold's tensors live as long as it does.
        var data = FoldData.Build(spec, request.Fold, DefaultTrialExecutor.SplitSeed, FeatureCache.Default());
        var (weights, architecture) = data.BilevelHalves(spec.Search.Portion, BilevelSeed);
        return new FoldTensors(Tensors(weights), Tensors(architecture), Tensors(data.Train), Tensors(data.Validation), Tensors(data.Test));
    }

    private static TensorDataset Tensors(FeatureSet set) => new(set.Inputs, set.Labels);

    public static string PathIn(string runDir) => Path.Combine(runDir, "dataset.json");

    public static void Save(string runDir, DatasetRequest request)
    {
        Directory.CreateDirectory(runDir);
        Runtime.AtomicFile.WriteAllText(PathIn(runDir), ConfigJson.Serialize(request));
    }

    public static DatasetRequest Read(string runDir) => ConfigJson.Load<DatasetRequest>(PathIn(runDir));
}
