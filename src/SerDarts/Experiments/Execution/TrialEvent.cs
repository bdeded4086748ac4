namespace SerDarts.Experiments.Execution;

/// <summary>A progress report from inside a trial (a search or training epoch, or a phase change).</summary>
/// <param name="Phase">"features", "search", "train", "evaluate", or another phase name.</param>
/// <param name="Step">Current step (epoch) of the phase, 1-based.</param>
/// <param name="Steps">Steps in the phase (0 when unknown).</param>
/// <param name="Message">Free text for logs.</param>
/// <param name="Loss">Latest loss, when the phase has one.</param>
/// <param name="UnweightedAccuracy">Latest validation UA (fraction), when known.</param>
public sealed record TrialEvent(string Phase, int Step, int Steps, string? Message = null, double? Loss = null, double? UnweightedAccuracy = null);
