using SerDarts.Experiments.Specs;

namespace SerDarts.Experiments.Outcomes;

/// <summary>A trial that threw or returned an invalid outcome.</summary>
public sealed record TrialFailure(TrialSpec Trial, string Error);
