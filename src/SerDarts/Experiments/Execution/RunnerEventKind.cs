namespace SerDarts.Experiments.Execution;

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
