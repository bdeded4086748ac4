namespace SerDarts.Experiments.Store;

/// <summary>The answer to a claim. <see cref="Resumed"/> is true when an earlier attempt was started and never
/// completed (killed, interrupted or failed), so the executor may find its checkpoints in the run directory.</summary>
public sealed record TrialClaim(ClaimStatus Status, long TrialId, int Attempt, bool Resumed, string? PreviousStatus);
