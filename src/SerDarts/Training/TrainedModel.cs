using SerDarts.Features;
using SerDarts.Networks;
using SerDarts.Runs;
using SerDarts.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace SerDarts.Training;

/// <summary>
/// A finished training run's best model, rebuilt from its config.json (network, genotype) and loaded from
/// checkpoints/best.ckpt: what evaluation, prediction and export use. Owns the network.
/// </summary>
public sealed class TrainedModel : IDisposable
{
    private TrainedModel(string runPath, TrainRunConfig config, ClassifierModel network, Device device)
    {
        RunPath = runPath;
        Config = config;
        Network = network;
        Device = device;
    }

    /// <summary>The training run directory (absolute).</summary>
    public string RunPath { get; }

    public TrainRunConfig Config { get; }

    public ClassifierModel Network { get; }

    public Device Device { get; }

    /// <summary>Loads the best model of the training run in <paramref name="runDirectory"/>; errors name the missing file.</summary>
    /// <param name="runDirectory">The training run (config.json and checkpoints/best.ckpt).</param>
    /// <param name="device">auto, cpu, cuda or cuda:N (null: auto).</param>
    /// <param name="channelsLast">NHWC strides inside the network (the training default; the values are the same).</param>
    /// <param name="inputRows">Rows (channels x frequency rows) of the inputs: the linear model's size depends on them.</param>
    public static TrainedModel Load(string runDirectory, string? device = null, bool channelsLast = true, long inputRows = 0)
    {
        var run = new RunDirectory(runDirectory);
        if (!Directory.Exists(run.Path)) throw new DirectoryNotFoundException($"run directory '{run.Path}' does not exist");
        if (!File.Exists(run.ConfigPath))
            throw new InvalidDataException($"{run.Path} is not a finished training run: it has no config.json");
        if (!File.Exists(run.BestCheckpoint))
            throw new InvalidDataException(
                $"{run.Path} is not a finished training run: {run.BestCheckpoint} is missing (finish it with serdarts train --resume)");
        var json = File.ReadAllText(run.ConfigPath);
        RunConfigs.CheckSchema(json, run.ConfigPath);
        var config = TrainRunConfig.FromJson(json, run.ConfigPath);
        var target = ComputeDevice.Resolve(device);
        var network = NetworkFactory.Create(config.Network, config.Genotype, FeatureSet.Classes, channelsLast, inputRows);
        try
        {
            Checkpoint.Load(run.BestCheckpoint, [("model", network)], []);
            network.to(target);
            network.eval();
            return new TrainedModel(run.Path, config, network, target);
        }
        catch
        {
            network.Dispose();
            throw;
        }
    }

    /// <summary>Each clip's mean logits over its rows (see <see cref="Evaluation.ClipLogits"/>).</summary>
    public double[,] ClipLogits(FeatureSet data) =>
        Evaluation.ClipLogits(Network, b => Network.forward(b.X, b.ValidFrames), data, Config.Training.BatchSize, Device);

    /// <summary>The evaluation of <see cref="TrainRun.Evaluate"/> (unweighted cross-entropy loss, clip-level metrics).</summary>
    public EvaluationResult Evaluate(FeatureSet data) =>
        Evaluation.Run(Network, b => Network.forward(b.X, b.ValidFrames), (l, y) => nn.functional.cross_entropy(l, y), data,
            Config.Training.BatchSize, Device);

    public void Dispose() => Network.Dispose();
}
