using System.Collections.Concurrent;
using SerDarts.Experiments.Execution;
using SerDarts.Experiments.Outcomes;
using SerDarts.Experiments.Specs;

namespace SerDarts.Tests.Experiments;

/// <summary>
/// A deterministic stand-in for the real executor, to test the runner's own logic. It keeps a checkpoint file in
/// the trial's run directory, as a real executor would, and records whether it found one from an earlier attempt.
/// </summary>
internal sealed class ScriptedExecutor(int folds = 4) : ITrialExecutor
{
    public const string CheckpointFile = "checkpoint.txt";

    public ConcurrentQueue<string> Executed { get; } = new();
    public ConcurrentQueue<string> ResumedFromCheckpoint { get; } = new();

    /// <summary>Runs inside Execute after the checkpoint is written: may throw, block, or sleep.</summary>
    public Action<TrialSpec, string, CancellationToken>? During { get; init; }

    /// <summary>Replaces the outcome (e.g. to return an invalid one).</summary>
    public Func<TrialSpec, TrialOutcome>? Outcome { get; init; }

    public int CountFolds(ExperimentSpec spec) => folds;

    public TrialOutcome Execute(TrialSpec trial, string runDirectory, IProgress<TrialEvent>? progress, CancellationToken cancellationToken)
    {
        Executed.Enqueue(trial.Key);
        var checkpoint = Path.Combine(runDirectory, CheckpointFile);
        if (File.Exists(checkpoint)) ResumedFromCheckpoint.Enqueue(trial.Key);
        File.WriteAllText(checkpoint, trial.Key);
        progress?.Report(new TrialEvent("train", 1, 1, Loss: 1.0));
        During?.Invoke(trial, runDirectory, cancellationToken);
        return Outcome?.Invoke(trial) ?? FakeOutcomes.For(trial);
    }
}
