namespace SerDarts.Experiments;

/// <summary>What a runner reports.</summary>
public enum RunnerEventKind
{
    Planned,
    TrialStarted,
    TrialProgress,
    TrialCompleted,
    TrialSkipped,
    TrialBusy,
    TrialFailed,

    /// <summary>This worker's lease ran out and another worker took the trial over; nothing was stored.</summary>
    TrialLeaseLost,

    /// <summary>Nothing is claimable while other workers hold trials: the worker waits (Index is -1).</summary>
    Waiting,
}

/// <summary>A runner progress report. <see cref="Index"/> is the trial's position in the plan (0-based) out of
/// <see cref="Count"/>. Progress reports of a trial may arrive on the executor's threads.</summary>
public sealed record RunnerEvent(
    RunnerEventKind Kind,
    int Index,
    int Count,
    TrialSpec? Trial = null,
    TrialEvent? Detail = null,
    string? Message = null,
    TrialOutcome? Outcome = null,
    bool Resumed = false);

/// <summary>A trial that threw or returned an invalid outcome.</summary>
public sealed record TrialFailure(TrialSpec Trial, string Error);

/// <summary>What one runner invocation did.</summary>
public sealed record RunSummary(int Planned, int Executed, int Skipped, int Busy, int Failed, IReadOnlyList<TrialFailure> Failures);
