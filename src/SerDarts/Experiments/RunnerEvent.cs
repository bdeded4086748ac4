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
}

/// <summary>A runner progress report. <see cref="Index"/> is the trial's position in the plan (0-based) out of
/// <see cref="Count"/>. Reports of parallel trials arrive on their own threads.</summary>
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
