using SerDarts.Experiments.Execution;
using SerDarts.Experiments.Specs;
using SerDarts.Experiments.Store;
using SerDarts.Networks;

namespace SerDarts.Tests.Experiments;

internal static class TestSpecs
{
    /// <summary>A small darts spec over folds 0..3 and seed 0 (4 trials).</summary>
    public static ExperimentSpec FourFolds(string name = "four") =>
        ExperimentPresets.ApplySmall(new ExperimentSpec { Name = name }) with { Folds = [0, 1, 2, 3], Seeds = [0] };

    /// <summary>The spec worker tests run: every fold of the executor, seed 0; a CNN for the tiny trainer (no genotype)
    /// with seed 3.</summary>
    public static ExperimentSpec Worker(bool tiny = false)
    {
        var spec = FourFolds("worker");
        return spec with { Folds = null, Seeds = [tiny ? 3 : 0], Network = spec.Network with { Kind = tiny ? NetworkKinds.Cnn : NetworkKinds.Darts } };
    }

    public static RunnerOptions Options(TempFolder folder, TrialOwner? owner = null) =>
        new() { RunsFolder = folder.Path, Owner = owner, GitCommit = "test-commit", HeartbeatInterval = TimeSpan.FromMilliseconds(200) };

    /// <summary>The id of a process that has exited (for a dead owner).</summary>
    public static int DeadProcessId()
    {
        using var process = System.Diagnostics.Process.Start("true")!;
        process.WaitForExit();
        return process.Id;
    }
}
