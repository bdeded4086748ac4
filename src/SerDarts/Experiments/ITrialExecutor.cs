namespace SerDarts.Experiments;

/// <summary>
/// The seam between the runner and the science: executes one trial (for <c>darts</c>: search, derive the
/// genotype, train the derived network; for the baselines: train) and evaluates it on the fold's test speakers.
/// Implementations keep checkpoints under <c>runDirectory</c> and resume from them when a killed trial is re-run.
/// </summary>
public interface ITrialExecutor
{
    /// <summary>How many folds the spec's split protocol yields on its corpus (used when a spec lists no folds).</summary>
    int CountFolds(ExperimentSpec spec);

    TrialOutcome Execute(TrialSpec trial, string runDirectory, IProgress<TrialEvent>? progress, CancellationToken cancellationToken);
}

/// <summary>A progress report from inside a trial (a search or training epoch, or a phase change).</summary>
/// <param name="Phase">"features", "search", "train", "evaluate", or another phase name.</param>
/// <param name="Step">Current step (epoch) of the phase, 1-based.</param>
/// <param name="Steps">Steps in the phase (0 when unknown).</param>
/// <param name="Message">Free text for logs.</param>
/// <param name="Loss">Latest loss, when the phase has one.</param>
/// <param name="UnweightedAccuracy">Latest validation UA (fraction), when known.</param>
public sealed record TrialEvent(string Phase, int Step, int Steps, string? Message = null, double? Loss = null, double? UnweightedAccuracy = null);
