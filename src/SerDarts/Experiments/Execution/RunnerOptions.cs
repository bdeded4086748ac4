using SerDarts.Experiments.Store;

namespace SerDarts.Experiments.Execution;

/// <summary>How a runner (a worker: one trial at a time in this process) executes trials.</summary>
public sealed record RunnerOptions
{
    /// <summary>Folder holding each trial's run directory (<c>trials/&lt;hash&gt;/fold&lt;f&gt;-seed&lt;s&gt;</c>); on a cluster,
    /// a shared file system, so that a trial resumes from its checkpoints on whichever machine claims it next.</summary>
    public string RunsFolder { get; init; } = "runs";

    /// <summary>How long a claim holds without renewal. A worker that dies (killed, node lost) keeps its trial this
    /// long at most before another claims it; on the same host a dead worker process is noticed at once.</summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>How often a running trial renews its lease (well below <see cref="Lease"/>).</summary>
    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>When nothing is claimable but other workers hold trials, wait for them (true: a worker of a cluster
    /// job, which then takes over a trial whose worker was preempted) or stop (false: leave them to their holders).</summary>
    public bool WaitForBusy { get; init; }

    /// <summary>How often a waiting worker looks for claimable trials again.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Stop at the first failed trial instead of going on with the others.</summary>
    public bool StopOnFailure { get; init; }

    /// <summary>Identity recorded on claimed trials; by default this process with a fresh token.</summary>
    public TrialOwner? Owner { get; init; }

    /// <summary>Git commit recorded in provenance; by default looked up in the current directory.</summary>
    public string? GitCommit { get; init; }

    /// <summary>Throws when the heartbeat could not keep the lease alive.</summary>
    public RunnerOptions Validated() =>
        HeartbeatInterval > TimeSpan.Zero && HeartbeatInterval * 2 <= Lease ? this
            : throw new ArgumentException($"the heartbeat interval ({HeartbeatInterval}) must be positive and at most half the lease ({Lease})");
}
