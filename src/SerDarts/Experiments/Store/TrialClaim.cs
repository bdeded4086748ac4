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

/// <summary>The answer to <see cref="ResultsStore.ClaimNext"/>: the claimed trial (null when none was claimable), and
/// which of the asked-for trials are completed and which are held by other live workers.</summary>
public sealed record NextTrial(TrialClaim? Claim, IReadOnlyList<long> Completed, IReadOnlyList<long> Busy);

/// <summary>Trials by state: done (completed), running (held under a live lease), queued (waiting for a worker:
/// new, interrupted, or held under an expired lease) and failed (retried by the next worker or run).</summary>
public sealed record TrialCounts(int Done, int Running, int Queued, int Failed)
{
    public int Total => Done + Running + Queued + Failed;

    public override string ToString() => $"{Done} done, {Running} running, {Queued} queued, {Failed} failed (of {Total})";
}
