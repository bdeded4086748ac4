using SerDarts.Experiments.Specs;
using SerDarts.Runs;

namespace SerDarts.Experiments.Store;

/// <summary>A trial's bookkeeping row.</summary>
public sealed record TrialRow(
    long TrialId, string SpecHash, string Model, int Fold, int Seed, string Status, int Attempts,
    string RunDirectory, string? StartedUtc, string? EndedUtc, string? Error);
