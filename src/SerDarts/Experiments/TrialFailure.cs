namespace SerDarts.Experiments;

/// <summary>A trial that threw or returned an invalid outcome.</summary>
public sealed record TrialFailure(TrialSpec Trial, string Error);
