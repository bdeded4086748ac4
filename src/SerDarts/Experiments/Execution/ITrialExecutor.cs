using SerDarts.Experiments.Outcomes;
using SerDarts.Experiments.Specs;

namespace SerDarts.Experiments.Execution;

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
