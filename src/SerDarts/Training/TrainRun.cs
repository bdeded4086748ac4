using System.Diagnostics;
using System.Globalization;
using SerDarts.Features;
using SerDarts.Networks;
using SerDarts.Runs;
using SerDarts.Runtime;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SerDarts.Training;

/// <summary>
/// The training driver (derived, random-cell or baseline network): SGD with cosine annealing, optional
/// class-weighted loss and auxiliary loss, drop path raised over the epochs, best checkpoint by validation UA,
/// atomic checkpoints every epoch, and one final evaluation of the best model on the test set.
/// </summary>
public static class TrainRun
{
    /// <param name="config">Network, genotype, training settings and seed; when resuming, the run's stored config.json wins.</param>
    /// <param name="execution">Device (it does not change the result).</param>
    /// <param name="train">Training set.</param>
    /// <param name="validation">Selects the best epoch (by UA); empty: the last epoch is used.</param>
    /// <param name="test">Evaluated with the best model; per-epoch test scores are recorded, never used to select.</param>
    /// <param name="outDir">Run directory.</param>
    /// <param name="resume">Continue from the last checkpoint if there is one.</param>
    /// <param name="progress">Receives each epoch's record.</param>
    /// <param name="control">Session limits (stop after N epochs; cancellation, checked every batch).</param>
    public static TrainResult Execute(TrainRunConfig config, ExecutionSettings execution, FeatureSet train, FeatureSet validation,
        FeatureSet test, string outDir, bool resume, IProgress<EpochRecord>? progress = null, RunControl? control = null)
    {
        control ??= RunControl.None;
        (var run, config) = RunDriver.Start(outDir, resume, config, c => c.ToJson(), TrainRunConfig.FromJson,
            (train, "training set"), (validation, "validation set"), (test, "test set"));
        var settings = config.Training;
        settings.Validate();
        var device = ComputeDevice.Resolve(execution.Device);
        run.Log($"train {config.Network.Kind}: device {device}, threads {torch.get_num_threads()}, {train.Count} train / " +
                $"{validation.Count} validation / {test.Count} test samples");

        torch.manual_seed(config.Seed);
        using var network = NetworkFactory.Create(config.Network, config.Genotype, FeatureSet.Classes, inputRows: InputRows(train));
        network.to(device);
        var linear = network as LinearClassifier;
        int epochs = Epochs(config.Network, settings);
        using var optimizer = linear is null
            ? torch.optim.SGD(network.parameters(), settings.LearningRate, settings.Momentum, weight_decay: settings.WeightDecay) : null;
        using var classWeights = settings.ClassWeightedLoss
            ? torch.tensor(train.BalancedClassWeights(), dtype: ScalarType.Float32, device: device) : null;
        Tensor Loss(Tensor logits, Tensor y) => nn.functional.cross_entropy(logits, y, classWeights);
        EvaluationResult Evaluate(FeatureSet data) =>
            Evaluation.Run(network, b => network.forward(b.X, b.ValidFrames), Loss, data, settings.BatchSize, device);
        var modules = new List<(string, nn.Module)> { ("model", network) };
        var optimizers = optimizer is null ? [] : new List<(string, OptimizerHelper)> { ("sgd", optimizer) };
        run.Log($"parameters: {network.ParameterCount()}");

        var state = RunDriver.Resume(run, resume, new TrainCheckpointHeader(0, 0, double.NegativeInfinity, []), modules, optimizers, "training");

        var schedule = new CosineSchedule(settings.LearningRate, settings.LearningRateMin, settings.Epochs);
        var trainer = optimizer is null ? null : new Trainer(network, optimizer, Loss, settings, config.Masking, config.Seed, device);
        // The linear model's "epochs" are its L2 grid, one full fit each; its "lr" column records the strength.
        using var fit = linear is null ? null : new LinearFit(linear, train, classWeights, settings.BatchSize, device);
        for (int session = 0; state.EpochsDone < epochs && !control.ShouldStop(session); session++)
        {
            var clock = Stopwatch.StartNew();
            int epoch = state.EpochsDone;
            double lr = fit is null ? schedule.At(epoch) : config.Network.Linear.L2Grid[epoch];
            var trained = fit is null ? trainer!.TrainEpoch(train, epoch, lr, control.Cancellation)
                : control.Cancellation.IsCancellationRequested ? null : fit.Fit(lr);
            if (trained is null) break; // cancelled mid-epoch: the last checkpoint stands, resume replays this epoch
            var (trainLoss, trainAccuracy) = trained.Value;
            var eval = validation.Count > 0 ? Evaluate(validation) : null;
            var onTest = Evaluate(test).Report;
            var record = new EpochRecord(epoch + 1, lr, trainLoss, trainAccuracy, eval?.Loss ?? double.NaN,
                eval?.Report.UnweightedAccuracy ?? double.NaN, onTest.UnweightedAccuracy, onTest.WeightedAccuracy, clock.Elapsed.TotalSeconds);
            double ua = eval?.Report.UnweightedAccuracy ?? double.PositiveInfinity; // no validation: the last epoch is best
            bool best = ua > state.BestValidationUa || eval is null;
            if (best) Checkpoint.Save(run.BestCheckpoint, ConfigJson.Serialize(new BestCheckpointHeader(epoch + 1, ua)), modules, []);
            state = new TrainCheckpointHeader(epoch + 1, best ? epoch + 1 : state.BestEpoch,
                best ? ua : state.BestValidationUa, [.. state.History, record]);
            RunDriver.SaveEpoch(run, state, modules, optimizers);
            run.Log(string.Create(CultureInfo.InvariantCulture,
                $"epoch {record.Epoch}/{epochs} {(fit is null ? "lr" : "l2")} {lr:G4} train loss {trainLoss:F4} acc {trainAccuracy:F4} " +
                $"val loss {record.ValidationLoss:F4} val UA {record.ValidationUnweightedAccuracy:F4}{(best ? " (best)" : "")} {record.Seconds:F1}s"));
            progress?.Report(record);
        }

        long parameters = network.ParameterCount();
        if (state.EpochsDone < epochs)
            return new TrainResult(null, null, null, state.BestEpoch, parameters, state.History, false, config, run.Path);

        // Neither best model usable: the damaged files are set aside and the whole training runs again.
        if (CheckpointResume.RestoreBest(run, modules, state.BestEpoch) is not { } bestModel)
            return Execute(config, execution, train, validation, test, outDir, resume: true, progress, control);
        var bestValidation = validation.Count > 0 ? Evaluate(validation).Report : null;
        var final = Evaluate(test);
        var metrics = new TrainMetrics(config.Network.Kind, parameters, bestModel.Epoch, bestValidation, final.Report, final.Predictions,
            state.History.Select(TrainEpochMetrics.From).ToList());
        run.WriteText(run.MetricsPath, ConfigJson.Serialize(metrics));
        run.Log(string.Create(CultureInfo.InvariantCulture,
            $"test (best epoch {bestModel.Epoch}): UA {final.Report.UnweightedAccuracy:F4} WA {final.Report.WeightedAccuracy:F4} F1 {final.Report.MacroF1:F4}"));
        return new TrainResult(final.Report, final.Predictions, bestValidation, bestModel.Epoch, parameters, state.History, true, config, run.Path);
    }

    /// <summary>Epochs of a training: the settings' for a network, one per L2 strength for the linear model.</summary>
    public static int Epochs(NetworkSpec network, TrainingSettings settings) =>
        network.Kind == NetworkKinds.Linear ? network.Linear.L2Grid.Count : settings.Epochs;

    /// <summary>Channels x frequency rows of a set's inputs [N, C, F, T].</summary>
    private static long InputRows(FeatureSet data) => data.Inputs.shape[1] * data.Inputs.shape[2];

    /// <summary>Evaluates a finished run's best model (rebuilt from its config.json) on <paramref name="data"/>.</summary>
    public static EvaluationResult Evaluate(string runDir, FeatureSet data, string? device = null)
    {
        data.Validate("evaluated set");
        using var model = TrainedModel.Load(runDir, device, inputRows: InputRows(data));
        return model.Evaluate(data);
    }
}
