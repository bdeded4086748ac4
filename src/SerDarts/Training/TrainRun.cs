using System.Diagnostics;
using System.Globalization;
using SerDarts.Models;
using SerDarts.Runtime;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SerDarts.Training;

/// <summary>
/// The training driver (derived network or baseline): SGD with cosine annealing, optional class-weighted
/// loss and auxiliary loss, drop path raised over the epochs, best checkpoint by validation UA, atomic
/// checkpoints every epoch, and one final evaluation on the test set.
/// </summary>
public static class TrainRun
{
    /// <param name="config">Training settings; when resuming, the run's stored config.json wins.</param>
    /// <param name="model">Derived network (genotype) or baseline.</param>
    /// <param name="train">Training set.</param>
    /// <param name="validation">Selects the best epoch (by UA); empty: the last epoch is used.</param>
    /// <param name="test">Evaluated once, with the best model.</param>
    /// <param name="outDir">Run directory.</param>
    /// <param name="resume">Continue from the last checkpoint if there is one.</param>
    /// <param name="progress">Receives each epoch's record.</param>
    /// <param name="control">Session limits (stop after N epochs, cancellation).</param>
    public static TrainResult Execute(TrainConfig config, ModelSpec model, TensorDataset train, TensorDataset validation,
        TensorDataset test, string outDir, bool resume, IProgress<EpochRecord>? progress = null, RunControl? control = null)
    {
        control ??= RunControl.None;
        train.Validate("training set");
        validation.Validate("validation set");
        test.Validate("test set");
        var run = new RunDirectory(outDir);
        run.Prepare(resume);
        var settled = RunConfigs.Settle(run, new TrainRunConfig(model, config), resume, c => c.ToJson(), TrainRunConfig.FromJson);
        (model, config) = (settled.Model, settled.Train);
        if (config.Threads > 0) torch.set_num_threads(config.Threads);
        var device = ComputeDevice.Resolve(config.Device);
        run.Log($"train {model.Name}: device {device}, threads {torch.get_num_threads()}, {train.Count} train / " +
                $"{validation.Count} validation / {test.Count} test samples");

        torch.manual_seed(config.Seed);
        using var network = ModelFactory.Create(model, config, TensorDataset.Classes);
        network.Scaler.Fit(train.Inputs);
        network.to(device);
        using var optimizer = torch.optim.SGD(network.parameters(), config.Lr, config.Momentum, weight_decay: config.WeightDecay);
        using var classWeights = config.ClassWeightedLoss
            ? torch.tensor(train.BalancedClassWeights(), dtype: ScalarType.Float32, device: device) : null;
        Tensor Loss(Tensor logits, Tensor y) => nn.functional.cross_entropy(logits, y, classWeights);
        var modules = new List<(string, nn.Module)> { ("model", network) };
        var optimizers = new List<(string, OptimizerHelper)> { ("sgd", optimizer) };
        run.Log($"parameters: {network.ParameterCount()}");

        var state = new TrainCheckpointHeader(0, 0, double.NegativeInfinity, []);
        if (resume && run.HasCheckpoint
            && CheckpointResume.Restore<TrainCheckpointHeader>(run, run.LastCheckpoint, modules, optimizers, "training") is { } restored)
        {
            state = restored;
            run.Log($"resumed after epoch {state.EpochsDone}");
        }

        var schedule = new CosineSchedule(config.Lr, config.LrMin, config.Epochs);
        var trainer = new Trainer(network, optimizer, Loss, config, device);
        for (int session = 0; state.EpochsDone < config.Epochs && !control.ShouldStop(session); session++)
        {
            var clock = Stopwatch.StartNew();
            int epoch = state.EpochsDone;
            double lr = schedule.At(epoch);
            var (trainLoss, trainAccuracy) = trainer.TrainEpoch(train, epoch, lr);
            var eval = validation.Count > 0
                ? Evaluation.Run(network, network.forward, Loss, validation, config.BatchSize, device) : null;
            var record = new EpochRecord(epoch + 1, lr, trainLoss, trainAccuracy, eval?.Loss ?? double.NaN,
                eval?.Report.UnweightedAccuracy ?? double.NaN, clock.Elapsed.TotalSeconds);
            double ua = eval?.Report.UnweightedAccuracy ?? double.PositiveInfinity; // no validation: the last epoch is best
            bool best = ua > state.BestValidationUa || eval is null;
            if (best) Checkpoint.Save(run.BestCheckpoint, ConfigJson.Serialize(new BestCheckpointHeader(epoch + 1, ua)), modules, []);
            state = new TrainCheckpointHeader(epoch + 1, best ? epoch + 1 : state.BestEpoch,
                best ? ua : state.BestValidationUa, [.. state.History, record]);
            Checkpoint.Save(run.LastCheckpoint, ConfigJson.Serialize(state), modules, optimizers);
            run.Log(string.Create(CultureInfo.InvariantCulture,
                $"epoch {record.Epoch}/{config.Epochs} lr {lr:G4} train loss {trainLoss:F4} acc {trainAccuracy:F4} " +
                $"val loss {record.ValidationLoss:F4} val UA {record.ValidationUnweightedAccuracy:F4}{(best ? " (best)" : "")} {record.Seconds:F1}s"));
            progress?.Report(record);
        }

        long parameters = network.ParameterCount();
        if (state.EpochsDone < config.Epochs)
            return new TrainResult(null, null, state.BestEpoch, parameters, state.History, false, model, config, run.Path);

        // Neither best model usable: the damaged files are set aside and the whole training runs again.
        if (CheckpointResume.RestoreBest(run, modules, state.BestEpoch) is not { } bestModel)
            return Execute(config, model, train, validation, test, outDir, resume: true, progress, control);
        var bestValidation = validation.Count > 0
            ? Evaluation.Run(network, network.forward, Loss, validation, config.BatchSize, device).Report : null;
        var testReport = Evaluation.Run(network, network.forward, Loss, test, config.BatchSize, device).Report;
        var metrics = new TrainMetrics(model.Name, parameters, bestModel.Epoch, bestValidation, testReport,
            state.History.Select(r => new TrainEpochMetrics(r.Epoch, r.LearningRate, r.TrainLoss, r.TrainAccuracy,
                r.ValidationLoss, r.ValidationUnweightedAccuracy)).ToList());
        run.WriteText(run.MetricsPath, ConfigJson.Serialize(metrics));
        run.Log(string.Create(CultureInfo.InvariantCulture,
            $"test (best epoch {bestModel.Epoch}): UA {testReport.UnweightedAccuracy:F4} WA {testReport.WeightedAccuracy:F4} F1 {testReport.MacroF1:F4}"));
        return new TrainResult(testReport, bestValidation, bestModel.Epoch, parameters, state.History, true, model, config, run.Path);
    }

    /// <summary>Evaluates a finished run's best model (rebuilt from its config.json) on <paramref name="data"/>.</summary>
    public static ClassificationReport Evaluate(string runDir, TensorDataset data, string? device = null)
    {
        data.Validate("evaluated set");
        var run = new RunDirectory(runDir);
        var settled = TrainRunConfig.FromJson(File.ReadAllText(run.ConfigPath), run.ConfigPath);
        var target = ComputeDevice.Resolve(device ?? settled.Train.Device);
        using var network = ModelFactory.Create(settled.Model, settled.Train, TensorDataset.Classes);
        Checkpoint.Load(run.BestCheckpoint, [("model", network)], []);
        network.to(target);
        return Evaluation.Run(network, network.forward, (l, y) => nn.functional.cross_entropy(l, y), data,
            settled.Train.BatchSize, target).Report;
    }
}
