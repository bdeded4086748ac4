using System.Diagnostics;
using System.Globalization;
using SerDarts.Corpora;
using SerDarts.Features;
using SerDarts.Networks;
using SerDarts.Runs;
using SerDarts.Runtime;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SerDarts.Search;

/// <summary>
/// The search driver: bilevel DARTS over the weight and architecture halves (weights only during warm-up
/// epochs), validation, diagnostics (entropy of the edge distributions, changed edges, skip count) and the
/// genotype per epoch, an atomic checkpoint after every epoch, and the run files at the end.
/// </summary>
public static class SearchRun
{
    /// <param name="config">Network, search settings and seed; when resuming, the run's stored config.json wins.</param>
    /// <param name="execution">Device and memory mode (they do not change the result).</param>
    /// <param name="weights">Weight half (trains w).</param>
    /// <param name="architecture">Architecture half (trains alpha).</param>
    /// <param name="validation">Reported each epoch (speakers the search never trains on).</param>
    /// <param name="outDir">Run directory.</param>
    /// <param name="resume">Continue from the last checkpoint if there is one.</param>
    /// <param name="progress">Receives each epoch's record.</param>
    /// <param name="control">Session limits (stop after N epochs; cancellation, checked every batch).</param>
    public static SearchResult Execute(SearchRunConfig config, ExecutionSettings execution, FeatureSet weights,
        FeatureSet architecture, FeatureSet validation, string outDir, bool resume,
        IProgress<SearchEpochRecord>? progress = null, RunControl? control = null)
    {
        control ??= RunControl.None;
        (var run, config) = RunDriver.Start(outDir, resume, config, c => c.ToJson(), SearchRunConfig.FromJson,
            (weights, "weight half"), (architecture, "architecture half"), (validation, "validation set"));
        var (network, search) = (config.Network, config.Search);
        network.Validate();
        search.Validate();
        var device = ComputeDevice.Resolve(execution.Device);
        run.Log($"search: device {device}, threads {torch.get_num_threads()}, {weights.Count} weight / " +
                $"{architecture.Count} architecture / {validation.Count} validation samples");

        // Recomputation is asked for to save memory: the C heap must give freed activations back as well. The
        // policy is process-wide and only ever switched on.
        if (execution.MemoryMode == ExecutionSettings.Low && device.type == DeviceType.CPU && NativeHeap.ReturnLargeBlocks())
            run.Log($"search: blocks of {NativeHeap.DefaultThresholdBytes >> 20} MiB and more are mapped on their own (low-memory heap)");

        torch.manual_seed(config.Seed);
        var method = SearchMethods.Create(search);
        int partialChannels = search.PartialChannelsFor(network.InitChannels);
        run.Log($"search: method {method.Name} (arXiv {method.Paper}), {search.Order} order" +
                (partialChannels > 1 ? $", K = {partialChannels} (1/K of each edge's channels)" : "") + $", derivation: {method.Derivation}" +
                (search.MaxDerivedSkips is int cap ? $", at most {cap} normal-cell skips (P-DARTS cap)" : "") +
                (search.MaxNormalSkips is int stop ? $", early stop past {stop} normal-cell skips (DARTS+)" : ""));
        using var controller = new SearchController(
            SupernetSpec.For(network, partialChannels, FeatureSet.Classes, auxiliarySkip: method.AuxiliarySkip)
                .WithMemory(execution.MemoryMode),
            search.ClassWeightedLoss ? weights.BalancedClassWeights() : null, method, search.MaxDerivedSkips);
        controller.to(device);
        using var searchOptimizers = SearchOptimizers.For(controller, search);
        var (weightOptimizer, alphaOptimizer, step) = searchOptimizers;
        var modules = new List<(string, nn.Module)> { ("controller", controller) };
        var optimizers = new List<(string, OptimizerHelper)> { ("weights", weightOptimizer), ("alphas", alphaOptimizer) };

        var state = RunDriver.Resume(run, resume, new SearchCheckpointHeader(0, false, null, null, controller.Genotype(), [], null),
            modules, optimizers, "the search");

        var schedule = new CosineSchedule(search.LearningRate, search.LearningRateMin, search.Epochs);
        for (int session = 0; state.EpochsDone < search.Epochs && !state.StoppedEarly && !control.ShouldStop(session); session++)
        {
            var clock = Stopwatch.StartNew();
            var epoch = new Epoch(config, controller, step, weightOptimizer, schedule.At(state.EpochsDone), state.EpochsDone, device);
            var outcome = epoch.Run(weights, architecture, validation, state.History.LastOrDefault()?.Genotype ?? state.InitialGenotype,
                control.Cancellation);
            if (outcome is null) break; // cancelled mid-epoch: the last checkpoint stands, resume replays this epoch
            var (record, report) = outcome.Value;
            record = record with { Seconds = clock.Elapsed.TotalSeconds };
            state = Advance(search, state, record, report);
            RunDriver.SaveEpoch(run, state, modules, optimizers);
            run.Log(Describe(record, search.Epochs));
            if (state.StopReason is not null && state.StoppedEarly) run.Log($"early stop: {state.StopReason}");
            progress?.Report(record);
        }

        bool completed = state.EpochsDone >= search.Epochs || state.StoppedEarly;
        var genotype = state.AcceptedGenotype ?? controller.Genotype();
        var warnings = completed && ArchitectureDiagnostics.FlatWarning(state.History) is { } flat ? new[] { flat } : [];
        foreach (var warning in warnings) run.Log($"WARNING: {warning}");
        if (completed) WriteResults(run, state, genotype, warnings, network.Space(), search, SkipsRemoved(controller, state));
        return new SearchResult(genotype, state.History, completed, state.StoppedEarly, warnings, config, run.Path);
    }

    /// <summary>One epoch: the bilevel steps over both halves, then validation and the diagnostics.</summary>
    private sealed class Epoch(SearchRunConfig config, SearchController controller, SearchStep step, SGD weightOptimizer,
        double learningRate, int index, Device device)
    {
        /// <summary>The epoch's record and validation report, or null when cancelled before it ended.</summary>
        public (SearchEpochRecord Record, ClassificationReport Report)? Run(FeatureSet weights, FeatureSet architecture,
            FeatureSet validation, Genotype previous, CancellationToken cancellation)
        {
            var search = config.Search;
            controller.Phase = new SearchPhase(index, search.Epochs);
            torch.manual_seed(Seeds.Derive(config.Seed, index, 1));
            foreach (var group in weightOptimizer.ParamGroups) group.LearningRate = learningRate;
            bool updateArchitecture = index >= search.WarmupEpochs;
            var weightBatches = BatchSampler.Batches(weights.Count, search.BatchSize, config.Seed, index, true, true);
            var archBatches = BatchSampler.Batches(architecture.Count, search.BatchSize, Seeds.Derive(config.Seed, 7), index, true, true);
            int steps = Math.Min(weightBatches.Count, archBatches.Count);
            controller.train();
            double lossSum = 0;
            var truth = new List<int>();
            var predicted = new List<int>();
            for (int s = 0; s < steps; s++)
            {
                if (cancellation.IsCancellationRequested) return null;
                using var scope = torch.NewDisposeScope();
                var result = step.Run(weights.Batch(weightBatches[s], device), architecture.Batch(archBatches[s], device),
                    learningRate, updateArchitecture);
                lossSum += result.Loss * result.Count;
                truth.AddRange(result.Truth);
                predicted.AddRange(result.Predicted);
            }
            var train = ClassificationMetrics.Compute(truth, predicted, EmotionClasses.FourClass);
            var eval = Evaluation.Run(controller, b => controller.forward(b.X, b.ValidFrames), controller.CrossEntropy,
                validation, search.BatchSize, device);
            var derived = controller.Derive();
            var genotype = derived.Genotype;
            var (normal, reduce) = controller.OperationWeights();
            // The DARTS+ signal is the skip count the method's rule derives, before any P-DARTS cap.
            var record = new SearchEpochRecord(index + 1, learningRate, updateArchitecture,
                truth.Count == 0 ? double.NaN : lossSum / truth.Count, train.UnweightedAccuracy, eval.Loss,
                eval.Report.UnweightedAccuracy, ArchitectureDiagnostics.MeanNormalisedEntropy(normal),
                ArchitectureDiagnostics.MeanNormalisedEntropy(reduce), ArchitectureDiagnostics.ChangedEdges(previous, genotype),
                derived.SkipsBefore, controller.Spec.Primitives, normal, reduce, genotype, 0);
            return (record, eval.Report);
        }
    }

    /// <summary>Adds the epoch and applies the DARTS+ guard: past the skip limit the search stops and keeps
    /// the last genotype that respected it.</summary>
    internal static SearchCheckpointHeader Advance(SearchSettings search, SearchCheckpointHeader state,
        SearchEpochRecord record, ClassificationReport report)
    {
        var history = new List<SearchEpochRecord>(state.History) { record };
        bool overLimit = search.MaxNormalSkips is int max && record.NormalSkipCount > max;
        if (!overLimit)
            return state with { EpochsDone = state.EpochsDone + 1, AcceptedGenotype = record.Genotype, History = history, LastValidation = report };
        string reason = $"epoch {record.Epoch}: the normal cell holds {record.NormalSkipCount} skip connections " +
                        $"(limit {search.MaxNormalSkips})" + (state.AcceptedGenotype is null ? "" : $"; keeping epoch {record.Epoch - 1}'s genotype");
        return state with
        {
            EpochsDone = state.EpochsDone + 1, StoppedEarly = true, StopReason = reason,
            AcceptedGenotype = state.AcceptedGenotype ?? record.Genotype, History = history, LastValidation = report,
        };
    }

    private static string Describe(SearchEpochRecord r, int epochs) => string.Create(CultureInfo.InvariantCulture,
        $"epoch {r.Epoch}/{epochs}{(r.ArchitectureUpdated ? "" : " (warm-up: weights only)")} lr {r.LearningRate:G4} " +
        $"train loss {r.TrainLoss:F4} UA {r.TrainUnweightedAccuracy:F4} val loss {r.ValidationLoss:F4} val UA {r.ValidationUnweightedAccuracy:F4} " +
        $"entropy normal {r.NormalEntropy:F4} reduce {r.ReduceEntropy:F4} changed edges {r.GenotypeChanges} " +
        $"normal skips {r.NormalSkipCount} {r.Seconds:F1}s {r.Genotype}");

    /// <summary>Skips the P-DARTS cap struck from the kept genotype (the last epoch's, or the accepted one's after a DARTS+ stop).</summary>
    private static int SkipsRemoved(SearchController controller, SearchCheckpointHeader state)
    {
        if (controller.MaxDerivedSkips is null) return 0;
        var kept = state.AcceptedGenotype;
        var accepted = state.History.LastOrDefault(r => r.Genotype == kept) ?? state.History.LastOrDefault();
        return accepted is null ? 0 : Math.Max(0, accepted.NormalSkipCount - GenotypeDerivation.SkipCount(accepted.Genotype.Normal));
    }

    private static void WriteResults(RunDirectory run, SearchCheckpointHeader state, Genotype genotype,
        IReadOnlyList<string> warnings, SearchSpace space, SearchSettings search, int skipsRemoved)
    {
        run.WriteText(run.GenotypePath, GenotypeFormat.ToJson(genotype));
        var stopping = new SearchStopping(search.MaxNormalSkips, state.StoppedEarly, state.StopReason, search.MaxDerivedSkips, skipsRemoved);
        var metrics = new SearchMetrics(genotype.ToString(), state.EpochsDone, state.StoppedEarly, state.StopReason, warnings,
            space.Operations, state.LastValidation, state.History.Select(SearchEpochMetrics.From).ToList(), search.Method, stopping);
        run.WriteText(run.MetricsPath, ConfigJson.Serialize(metrics));
        run.Log($"search done: {genotype}");
    }
}
