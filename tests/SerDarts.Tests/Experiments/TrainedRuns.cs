using SerDarts.Experiments.Execution;
using SerDarts.Experiments.Specs;
using SerDarts.Features;
using SerDarts.Networks;
using SerDarts.Runs;
using SerDarts.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace SerDarts.Tests.Experiments;

/// <summary>
/// Two finished smoke-preset training runs on fold 0 of the sample corpus, made once for the prediction and
/// export tests: a CNN under per-speaker standardisation with first windows (the smoke preset as it is), and a
/// random-cell CNN-LSTM under training-fold standardisation with 1 s whole-clip windows.
/// </summary>
public sealed class TrainedRuns : IDisposable
{
    private readonly TempFolder folder = new();

    public TrainedRuns()
    {
        Cache = new FeatureCache(folder.File("cache"));
        Speaker = Train("speaker", "network.kind=cnn");
        Fold = Train("fold", "network.kind=random", "features.normalization=fold", "features.window.mode=whole",
            "features.window.lengthSeconds=1.0");
    }

    public FeatureCache Cache { get; }

    /// <summary>CNN, per-speaker standardisation, first window.</summary>
    public string Speaker { get; }

    /// <summary>Random cells with the LSTM head, training-fold standardisation, whole-clip windows.</summary>
    public string Fold { get; }

    public string File(string name) => folder.File(name);

    private string Train(string name, params string[] set)
    {
        var overrides = new SpecOverrides(CorpusName: "sample", Set: set.Select(SpecOverrides.ParseAssignment).ToList());
        var trial = SpecResolution.Trial(new ExperimentSpec { Name = name }, "smoke", overrides, fold: 0, seed: 0);
        var dir = folder.File(name);
        using var data = TrialStages.Data(trial, Cache);
        TrialFile.Save(dir, trial);
        var result = TrialStages.Train(trial, data, TrialStages.Architecture(trial, null), dir, resume: false);
        Assert.True(result.Completed);
        return dir;
    }

    /// <summary>The run's best model built here from its config.json and checkpoint, independently of TrainedModel.</summary>
    public static ClassifierModel Model(string run, bool channelsLast = true)
    {
        var config = TrainRunConfig.FromJson(System.IO.File.ReadAllText(Path.Combine(run, "config.json")), "config.json");
        var network = NetworkFactory.Create(config.Network, config.Genotype, 4, channelsLast);
        Checkpoint.Load(Path.Combine(run, "checkpoints", "best.ckpt"), [("model", network)], []);
        network.eval();
        return network;
    }

    /// <summary>Each row's logits, one forward per row (float64, [rows, 4]).</summary>
    public static double[][] RowLogits(ClassifierModel network, FeatureSet set)
    {
        using var noGrad = torch.no_grad();
        var rows = new double[set.Count][];
        for (int i = 0; i < set.Count; i++)
        {
            using var scope = torch.NewDisposeScope();
            var x = set.Inputs[i].unsqueeze(0);
            var valid = tensor(new long[] { set.ValidFrames[i] });
            rows[i] = network.forward(x, valid).to(ScalarType.Float64).data<double>().ToArray();
        }
        return rows;
    }

    public void Dispose() => folder.Dispose();
}
