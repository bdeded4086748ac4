using SerDarts.Experiments.Specs;

namespace SerDarts.Experiments.Execution;

/// <summary>A registered plan: the label it is stored under, its distinct trials in order, and their ids in the store.</summary>
public sealed record TrialPlan(string Label, IReadOnlyList<TrialSpec> Trials, IReadOnlyList<long> TrialIds);
