using System.Diagnostics;
using SerDarts.Corpora;
using SerDarts.Runtime;
using SerDarts.Search;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SerDarts.Training;

/// <summary>
/// The search driver: bilevel DARTS over the weight and architecture halves, validation, genotype and
/// skip-count per epoch, an atomic checkpoint after every epoch, and the run files at the end.
/// </summary>
public static class SearchRun
{
    /// <param name="config">Search settings; when resuming, the run's stored config.json wins.</param>
    /// <param name="weights">Weight half (trains w).</param>
    /// <param name="architecture">Architecture half (trains alpha).</param>
    /// <param name="validation">Reported each epoch (may be the architecture half).</param>
    /// <param name="outDir">Run directory.</param>
    /// <param name="resume">Continue from the last checkpoint if there is one.</param>
    /// <param name="progress">Receives each epoch's record.</param>
    /// <param name="control">Session limits (stop after N epochs, cancellation).</param>
    public static SearchResult Execute(SearchConfig config, TensorDataset weights, TensorDataset architecture,
        TensorDataset validation, string outDir, bool resume, IProgress<SearchEpochRecord>? progress = null,
        RunControl? control = null)
    {
        control ??= RunControl.None;
        weights.Validate("weight half");
        architecture.Validate("architecture half");
        validation.Validate("validation set");
        var run = new RunDirectory(outDir);
        run.Prepare(resume);
        config = RunConfigs.Settle(run, config, resume, c => c.ToJson(), SearchConfig.FromJson);
        config.Validate();
        if (config.Threads > 0) torch.set_num_threads(config.Threads);
        var device = ComputeDevice.Resolve(config.Device);
        run.Log($"search: device {device}, threads {torch.get_num_threads()}, {weights.Count} weight / " +
                $"{architecture.Count} architecture / {validation.Count} validation samples");

        // Recomputation is asked for to save memory: let the C heap give freed activations back as well.
        if (config.RecomputeEdges && device.type == DeviceType.CPU && NativeHeap.ReturnLargeBlocks())
            run.Log($"search: blocks of {NativeHeap.DefaultThresholdBytes >> 20} MiB and more are mapped on their own (low-memory heap)");

        torch.manual_seed(config.Seed);
        using var controller = new SearchController(config.Supernet(TensorDataset.Classes),
            config.ClassWeightedLoss ? weights.BalancedClassWeights() : null);
        controller.Network.Scaler.Fit(weights.Inputs);
        controller.to(device);
        using var weightOptimizer = torch.optim.SGD(controller.Weights(), config.WeightLr, config.WeightMomentum,
            weight_decay: config.WeightDecay);
        using var alphaOptimizer = torch.optim.Adam(controller.Alphas(), config.AlphaLr, config.AlphaBeta1,
            config.AlphaBeta2, weight_decay: config.AlphaWeightDecay);
        var architect = new Architect(controller, config.WeightMomentum, config.WeightDecay);
        var step = new SearchStep(controller, weightOptimizer, alphaOptimizer, architect, config.Order, config.GradientClip);
        var modules = new List<(string, nn.Module)> { ("controller", controller) };
        var optimizers = new List<(string, OptimizerHelper)> { ("weights", weightOptimizer), ("alphas", alphaOptimizer) };

        var state = new SearchCheckpointHeader(0, false, null, null, [], [], null);
        if (resume && run.HasCheckpoint
            && CheckpointResume.Restore<SearchCheckpointHeader>(run, run.LastCheckpoint, modules, optimizers, "the search") is { } restored)
        {
            state = restored;
            run.Log($"resumed after epoch {state.EpochsDone}");
        }

        var schedule = new CosineSchedule(config.WeightLr, config.WeightLrMin, config.Epochs);
        int session = 0;
        while (state.EpochsDone < config.Epochs && !state.StoppedEarly)
        {
            if (control.ShouldStop(session)) break;
            var clock = Stopwatch.StartNew();
            int epoch = state.EpochsDone;
            var (record, metrics, report) = RunEpoch(config, controller, step, weightOptimizer, schedule, epoch,
                weights, architecture, validation, device);
            record = record with { Seconds = clock.Elapsed.TotalSeconds };
            state = Advance(config, state, record, metrics, report);
            Checkpoint.Save(run.LastCheckpoint, ConfigJson.Serialize(state), modules, optimizers);
            run.Log(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"epoch {epoch + 1}/{config.Epochs} lr {metrics.LearningRate:G4} train loss {record.TrainLoss:F4} " +
                $"val loss {record.ValidationLoss:F4} val UA {record.ValidationUnweightedAccuracy:F4} " +
                $"normal skips {record.NormalSkipCount} {record.Seconds:F1}s {GenotypeFormat.ToReadableString(record.Genotype)}"));
            if (state.StopReason is not null && state.StoppedEarly) run.Log($"early stop: {state.StopReason}");
            progress?.Report(record);
            session++;
        }

        bool completed = state.EpochsDone >= config.Epochs || state.StoppedEarly;
        var genotype = state.AcceptedGenotype ?? controller.Genotype();
        if (completed) WriteResults(run, state, genotype);
        return new SearchResult(genotype, state.History, completed, state.StoppedEarly, config, run.Path);
    }

    private static (SearchEpochRecord, SearchEpochMetrics, ClassificationReport) RunEpoch(SearchConfig config,
        SearchController controller, SearchStep step, SGD weightOptimizer, CosineSchedule schedule, int epoch,
        TensorDataset weights, TensorDataset architecture, TensorDataset validation, Device device)
    {
        torch.manual_seed(Seeds.Derive(config.Seed, epoch, 1));
        double lr = schedule.At(epoch);
        foreach (var group in weightOptimizer.ParamGroups) group.LearningRate = lr;
        var weightBatches = BatchSampler.Batches(weights.Count, config.BatchSize, config.Seed, epoch, true, true);
        var archBatches = BatchSampler.Batches(architecture.Count, config.BatchSize, Seeds.Derive(config.Seed, 7), epoch, true, true);
        int steps = Math.Min(weightBatches.Count, archBatches.Count);
        controller.train();
        double lossSum = 0;
        long correct = 0, seen = 0;
        for (int s = 0; s < steps; s++)
        {
            using var scope = torch.NewDisposeScope();
            var (tx, ty) = weights.Batch(weightBatches[s], device);
            var (vx, vy) = architecture.Batch(archBatches[s], device);
            var result = step.Run(tx, ty, vx, vy, lr);
            lossSum += result.Loss * result.Count;
            correct += result.Correct;
            seen += result.Count;
        }
        var eval = Evaluation.Run(controller, controller.forward, controller.CrossEntropy, validation, config.BatchSize, device);
        var genotype = controller.Genotype();
        var (normal, reduce) = controller.SoftmaxWeights();
        int skips = GenotypeDerivation.SkipCount(genotype.Normal);
        double trainLoss = seen == 0 ? double.NaN : lossSum / seen;
        double trainAccuracy = seen == 0 ? double.NaN : (double)correct / seen;
        var record = new SearchEpochRecord(epoch + 1, trainLoss, eval.Loss, eval.Report.UnweightedAccuracy,
            controller.Spec.Primitives, normal, reduce, skips, genotype, 0);
        var metrics = new SearchEpochMetrics(epoch + 1, lr, trainLoss, trainAccuracy, eval.Loss,
            eval.Report.UnweightedAccuracy, skips, GenotypeFormat.ToReadableString(genotype), normal, reduce);
        return (record, metrics, eval.Report);
    }

    /// <summary>Adds the epoch and applies the DARTS+ guard: past the skip limit the search stops and keeps
    /// the last genotype that respected it.</summary>
    internal static SearchCheckpointHeader Advance(SearchConfig config, SearchCheckpointHeader state,
        SearchEpochRecord record, SearchEpochMetrics metrics, ClassificationReport report)
    {
        var history = new List<SearchEpochRecord>(state.History) { record };
        var allMetrics = new List<SearchEpochMetrics>(state.Metrics) { metrics };
        bool overLimit = config.MaxNormalSkips is int max && record.NormalSkipCount > max;
        if (!overLimit)
            return new SearchCheckpointHeader(state.EpochsDone + 1, false, null, record.Genotype, history, allMetrics, report);
        string reason = $"epoch {record.Epoch}: the normal cell holds {record.NormalSkipCount} skip connections " +
                        $"(limit {config.MaxNormalSkips})" + (state.AcceptedGenotype is null ? "" : $"; keeping epoch {record.Epoch - 1}'s genotype");
        return new SearchCheckpointHeader(state.EpochsDone + 1, true, reason, state.AcceptedGenotype ?? record.Genotype,
            history, allMetrics, report);
    }

    private static void WriteResults(RunDirectory run, SearchCheckpointHeader state, Genotype genotype)
    {
        run.WriteText(run.GenotypePath, GenotypeFormat.ToJson(genotype));
        var metrics = new SearchMetrics(GenotypeFormat.ToReadableString(genotype), state.EpochsDone, state.StoppedEarly,
            state.StopReason, Search.Operations.Primitives.Darts, state.LastValidation, state.Metrics);
        run.WriteText(run.MetricsPath, ConfigJson.Serialize(metrics));
        run.Log($"search done: {GenotypeFormat.ToReadableString(genotype)}");
    }
}
