using SerDarts.Networks;
using SerDarts.Runs;

namespace SerDarts.Search;

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

/// <summary>What a search checkpoint's header holds besides tensors.</summary>
internal sealed record SearchCheckpointHeader(
    int EpochsDone, bool StoppedEarly, string? StopReason, Genotype? AcceptedGenotype, Genotype InitialGenotype,
    List<SearchEpochRecord> History, ClassificationReport? LastValidation) : IRunState;
