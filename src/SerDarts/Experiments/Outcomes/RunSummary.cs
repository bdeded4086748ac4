namespace SerDarts.Experiments.Outcomes;

/// <summary>What one runner invocation did.</summary>
public sealed record RunSummary(int Planned, int Executed, int Skipped, int Busy, int Failed, IReadOnlyList<TrialFailure> Failures);
