namespace SerDarts.Experiments.Store;

/// <summary>Trials by state: done (completed), running (held under a live lease), queued (waiting for a worker:
/// new, interrupted, or held under an expired lease) and failed (retried by the next worker or run).</summary>
public sealed record TrialCounts(int Done, int Running, int Queued, int Failed)
{
    public int Total => Done + Running + Queued + Failed;

    public override string ToString() => $"{Done} done, {Running} running, {Queued} queued, {Failed} failed (of {Total})";
}
