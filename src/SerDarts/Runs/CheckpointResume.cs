using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SerDarts.Runs;

/// <summary>The header of a best-model checkpoint: which epoch it holds and its validation UA.</summary>
internal sealed record BestCheckpointHeader(int Epoch, double ValidationUa);

/// <summary>
/// How the drivers come back to their checkpoints. The newest usable one is restored and every file passed over
/// is a warning in the run's log. When none is usable nothing was loaded: the damaged files are moved aside
/// ("*.damaged") and the run starts from scratch, with a warning, instead of failing on every rerun.
/// </summary>
internal static class CheckpointResume
{
    /// <summary>Restores the newest usable checkpoint at <paramref name="path"/> (or its previous one) and
    /// returns its header; null: start from scratch. <paramref name="what"/> ("the search") names the run in the log.</summary>
    public static T? Restore<T>(RunDirectory run, string path, IReadOnlyList<(string Name, nn.Module Module)> modules,
        IReadOnlyList<(string Name, OptimizerHelper Optimizer)> optimizers, string what) where T : class
    {
        var restore = Checkpoint.Restore(path, modules, optimizers);
        foreach (var problem in restore.Rejected)
            run.Log($"warning: unusable checkpoint {problem}");
        if (restore.Restored)
        {
            if (restore.Rejected.Count > 0) run.Log($"warning: {what} goes on from the previous checkpoint {restore.Path}");
            return ConfigJson.Deserialize<T>(restore.Header!, restore.Path!);
        }
        if (restore.Rejected.Count > 0)
        {
            var kept = Checkpoint.Discard(path);
            run.Log($"warning: no usable checkpoint; {what} restarts from scratch (damaged files kept as " +
                    $"{string.Join(", ", kept.Select(Path.GetFileName))})");
        }
        return null;
    }

    /// <summary>
    /// Restores the best model for the final evaluation. Falls back to the previous best (logged, with its
    /// epoch); when neither is usable, moves them aside, deletes the last checkpoints and returns null so the
    /// caller trains again from scratch. A second loss of the best model in one run directory is an error: the disk is
    /// failing, and training forever would hide it.
    /// </summary>
    public static BestCheckpointHeader? RestoreBest(RunDirectory run, IReadOnlyList<(string Name, nn.Module Module)> modules, int expectedEpoch)
    {
        bool lostBefore = File.Exists(run.BestCheckpoint + ".damaged");
        var best = Restore<BestCheckpointHeader>(run, run.BestCheckpoint, modules, [], "training");
        if (best is not null)
        {
            if (best.Epoch != expectedEpoch)
                run.Log($"warning: the best model (epoch {expectedEpoch}) is lost; evaluating the previous best, epoch {best.Epoch}");
            return best;
        }
        if (!File.Exists(run.BestCheckpoint + ".damaged"))
            throw new FileNotFoundException($"{run.BestCheckpoint}: the run finished without a best-model checkpoint", run.BestCheckpoint);
        if (lostBefore)
            throw new InvalidDataException(
                $"{run.BestCheckpoint}: the best model of this run is unusable again (see {run.LogPath}); " +
                $"the disk may be failing. Delete {run.CheckpointFolder} to train again from scratch");
        // The last checkpoints are sound but lead nowhere without the best model: the epochs must be trained again.
        File.Delete(run.LastCheckpoint);
        File.Delete(Checkpoint.PreviousPath(run.LastCheckpoint));
        return null;
    }
}
