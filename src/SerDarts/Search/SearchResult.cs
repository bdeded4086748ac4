using SerDarts.Networks;
using SerDarts.Training;

namespace SerDarts.Search;

/// <summary>config.json of a search run: the supernet's network, the search settings and the seed, every number explicit.</summary>
public sealed record SearchRunConfig(int Schema, NetworkSpec Network, SearchSettings Search, long Seed)
{
    public static SearchRunConfig Create(NetworkSpec network, SearchSettings search, long seed) => new(RunConfigs.Schema, network, search, seed);

    public string ToJson() => ConfigJson.Serialize(this);

    public static SearchRunConfig FromJson(string json, string source) => ConfigJson.Deserialize<SearchRunConfig>(json, source);
}

/// <summary>Outcome of <see cref="SearchRun.Execute"/>.</summary>
/// <param name="Genotype">The searched architecture (final epoch, or the last epoch within the skip limit after an early stop).</param>
/// <param name="History">One record per completed epoch.</param>
/// <param name="Completed">False when the session stopped early through <see cref="RunControl"/> (resume to continue).</param>
/// <param name="StoppedEarly">True when the skip-connection guard ended the search.</param>
/// <param name="Warnings">What a researcher must know about the result (e.g. a flat architecture).</param>
/// <param name="Config">The configuration the run used (the stored one when resuming).</param>
/// <param name="RunDirectory">Where config, log, checkpoints, genotype.json and metrics.json are.</param>
/// <param name="Repeats">With search.repeats &gt; 1: every repeat, the one kept (this result's) and their stability.</param>
public sealed record SearchResult(
    Genotype Genotype, IReadOnlyList<SearchEpochRecord> History, bool Completed, bool StoppedEarly,
    IReadOnlyList<string> Warnings, SearchRunConfig Config, string RunDirectory, SearchRepeats? Repeats = null);

/// <summary>One epoch as stored in metrics.json (no timings, so same-seed reruns are byte-identical).</summary>
public sealed record SearchEpochMetrics(
    int Epoch, double LearningRate, bool ArchitectureUpdated, double TrainLoss, double TrainUnweightedAccuracy,
    double ValidationLoss, double ValidationUnweightedAccuracy, double NormalEntropy, double ReduceEntropy,
    int GenotypeChanges, int NormalSkipCount, string Genotype, double[][] NormalWeights, double[][] ReduceWeights)
{
    public static SearchEpochMetrics From(SearchEpochRecord r) => new(r.Epoch, r.LearningRate, r.ArchitectureUpdated, r.TrainLoss,
        r.TrainUnweightedAccuracy, r.ValidationLoss, r.ValidationUnweightedAccuracy, r.NormalEntropy, r.ReduceEntropy,
        r.GenotypeChanges, r.NormalSkipCount, r.Genotype.ToString(), r.NormalWeights, r.ReduceWeights);
}

/// <summary>Content of a search's metrics.json; <paramref name="Method"/> is search.method, and
/// <paramref name="Stopping"/> what the skip rules (DARTS+ stop, P-DARTS cap) did.</summary>
public sealed record SearchMetrics(
    string Genotype, int EpochsRun, bool StoppedEarly, string? StopReason, IReadOnlyList<string> Warnings,
    IReadOnlyList<string> Operations, ClassificationReport? FinalValidation, IReadOnlyList<SearchEpochMetrics> Epochs,
    string Method, SearchStopping Stopping, SearchRepeats? Repeats = null);

/// <summary>What a search checkpoint's header holds besides tensors.</summary>
internal sealed record SearchCheckpointHeader(
    int EpochsDone, bool StoppedEarly, string? StopReason, Genotype? AcceptedGenotype, Genotype InitialGenotype,
    List<SearchEpochRecord> History, ClassificationReport? LastValidation);
