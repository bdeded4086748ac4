using SerDarts.Experiments.Outcomes;
using SerDarts.Experiments.Specs;

namespace SerDarts.Experiments.Execution;

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
