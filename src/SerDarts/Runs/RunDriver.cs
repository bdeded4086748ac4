using SerDarts.Features;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SerDarts.Runs;

/// <summary>The state a driver's checkpoint header carries: how many epochs are done.</summary>
internal interface IRunState
{
    int EpochsDone { get; }
}

/// <summary>
/// The skeleton the search and training drivers share: check the data, prepare the run directory and settle
/// config.json (<see cref="Start"/>), go on from the last checkpoint when resuming (<see cref="Resume"/>), and
/// checkpoint every finished epoch (<see cref="SaveEpoch"/>). What happens in an epoch and at the end is the driver's.
/// </summary>
internal static class RunDriver
{
    /// <summary>Validates each data set (named in errors), prepares <paramref name="outDir"/> and returns it with the
    /// configuration the run uses: the requested one, or the stored one when resuming (<see cref="RunConfigs.Settle"/>).</summary>
    public static (RunDirectory Run, TConfig Config) Start<TConfig>(string outDir, bool resume, TConfig config,
        Func<TConfig, string> toJson, Func<string, string, TConfig> fromJson, params (FeatureSet Data, string Name)[] data)
    {
        foreach (var (set, name) in data) set.Validate(name);
        var run = new RunDirectory(outDir);
        run.Prepare(resume);
        return (run, RunConfigs.Settle(run, config, resume, toJson, fromJson));
    }

    /// <summary>The state to go on from: the newest usable last checkpoint's when resuming (its modules and optimisers
    /// restored, <see cref="CheckpointResume.Restore"/>), else <paramref name="initial"/>. <paramref name="what"/>
    /// ("the search") names the run in the log.</summary>
    public static THeader Resume<THeader>(RunDirectory run, bool resume, THeader initial,
        IReadOnlyList<(string Name, nn.Module Module)> modules, IReadOnlyList<(string Name, OptimizerHelper Optimizer)> optimizers,
        string what) where THeader : class, IRunState
    {
        if (!resume || !run.HasCheckpoint
            || CheckpointResume.Restore<THeader>(run, run.LastCheckpoint, modules, optimizers, what) is not { } restored)
            return initial;
        run.Log($"resumed after epoch {restored.EpochsDone}");
        return restored;
    }

    /// <summary>Saves an epoch's state (the header) with the modules and optimisers as the last checkpoint.</summary>
    public static void SaveEpoch<THeader>(RunDirectory run, THeader state,
        IReadOnlyList<(string Name, nn.Module Module)> modules, IReadOnlyList<(string Name, OptimizerHelper Optimizer)> optimizers) =>
        Checkpoint.Save(run.LastCheckpoint, ConfigJson.Serialize(state), modules, optimizers);
}
