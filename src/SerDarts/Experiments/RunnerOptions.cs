namespace SerDarts.Experiments;

/// <summary>How a runner executes trials.</summary>
public sealed record RunnerOptions
{
    /// <summary>Folder holding each trial's run directory (<c>trials/&lt;hash&gt;/fold&lt;f&gt;-seed&lt;s&gt;</c>).</summary>
    public string RunsFolder { get; init; } = "runs";

    /// <summary>Trials executed at once by this runner (1 on a CPU machine: torch already uses every core).</summary>
    public int MaxParallelTrials { get; init; } = 1;

    /// <summary>How often a running trial tells the store it is alive.</summary>
    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>A started trial whose heartbeat is older than this is taken over (owners on other hosts; on this
    /// host a dead owner process is detected at once).</summary>
    public TimeSpan StaleAfter { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Stop at the first failed trial instead of going on with the others.</summary>
    public bool StopOnFailure { get; init; }

    /// <summary>Identity recorded on claimed trials; by default this process with a fresh token.</summary>
    public TrialOwner? Owner { get; init; }

    /// <summary>Git commit recorded in provenance; by default looked up in the current directory.</summary>
    public string? GitCommit { get; init; }
}
