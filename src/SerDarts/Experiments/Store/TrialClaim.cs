namespace SerDarts.Experiments;

/// <summary>What a runner found when it asked for a trial.</summary>
public enum ClaimStatus
{
    /// <summary>The trial is now this runner's to execute.</summary>
    Claimed,

    /// <summary>Already completed: nothing to do.</summary>
    Completed,

    /// <summary>Started by another live runner: left alone.</summary>
    Busy,
}

/// <summary>The answer to a claim. <see cref="Resumed"/> is true when an earlier attempt was started and never
/// completed (killed, interrupted or failed), so the executor may find its checkpoints in the run directory.</summary>
public sealed record TrialClaim(ClaimStatus Status, long TrialId, int Attempt, bool Resumed, string? PreviousStatus);
