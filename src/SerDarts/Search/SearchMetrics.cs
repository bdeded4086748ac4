using SerDarts.Networks;
using SerDarts.Runs;

namespace SerDarts.Search;

/// <summary>Content of a search's metrics.json; <paramref name="Method"/> is search.method, and
/// <paramref name="Stopping"/> what the skip rules (DARTS+ stop, P-DARTS cap) did.</summary>
public sealed record SearchMetrics(
    string Genotype, int EpochsRun, bool StoppedEarly, string? StopReason, IReadOnlyList<string> Warnings,
    IReadOnlyList<string> Operations, ClassificationReport? FinalValidation, IReadOnlyList<SearchEpochMetrics> Epochs,
    string Method, SearchStopping Stopping, SearchRepeats? Repeats = null);
