using System.Text.Json.Nodes;
using SerDarts.Experiments.Execution;
using SerDarts.Experiments.Prediction;
using SerDarts.Networks;
using SerDarts.Tests.Training;
using SerDarts.Training;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace SerDarts.Tests.Experiments;

/// <summary>
/// serdarts export writes a PyTorch state dict that loads back (PyBridge's reader, into a fresh network of the
/// described architecture) with the trained model's logits, and a description that names every tensor.
/// tests/python/check_pytorch_export.py does the same check in Python with torch.load.
/// </summary>
[Collection(TorchSerialCollection.Name)]
public class ModelExportTests(TrainedRuns runs) : IClassFixture<TrainedRuns>
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void An_exported_state_dict_reloads_with_the_same_logits(bool randomCells)
    {
        var run = randomCells ? runs.Fold : runs.Speaker;
        var file = runs.File($"export-{randomCells}/weights.pt");
        var result = ModelExport.Export(run, "pytorch", file);

        var trial = TrialFile.Load(run);
        using var data = TrialStages.Data(trial, runs.Cache);
        using var trained = TrainedRuns.Model(run);
        var config = TrainRunConfig.FromJson(File.ReadAllText(Path.Combine(run, "config.json")), "config.json");
        // A fresh network of the same architecture: different initial weights until the file is loaded.
        manual_seed(12345);
        using var fresh = NetworkFactory.Create(config.Network, config.Genotype, 4);
        var before = TrainedRuns.RowLogits(fresh, data.Test);
        fresh.load_py(result.StateDict, strict: true);
        fresh.eval();

        var expected = TrainedRuns.RowLogits(trained, data.Test);
        var reloaded = TrainedRuns.RowLogits(fresh, data.Test);
        Assert.NotEqual(expected[0], before[0]);
        for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i], reloaded[i]);

        Assert.Equal(Path.ChangeExtension(Path.GetFullPath(file), ".json"), result.Description);
        var description = JsonNode.Parse(File.ReadAllText(result.Description))!;
        var names = description["tensors"]!.AsArray().Select(t => t!["name"]!.GetValue<string>()).ToList();
        Assert.Equal(trained.state_dict().Keys.Order(StringComparer.Ordinal), names.Order(StringComparer.Ordinal));
        Assert.Equal(result.Tensors, names.Count);
        Assert.Equal("weights.pt", description["stateDict"]!.GetValue<string>());
        Assert.Equal(config.Network.Kind, description["network"]!["kind"]!.GetValue<string>());
        if (randomCells)
            Assert.Equal(GenotypeFormat.ToJson(config.Genotype!).Trim(), GenotypeFormat.ToJson(GenotypeFormat.FromJson(description["genotype"]!.ToJsonString())).Trim());
        else
            Assert.Null(description["genotype"]);
    }

    [Fact]
    public void An_unknown_format_or_a_missing_run_is_refused_by_name()
    {
        var e1 = Assert.Throws<ArgumentException>(() => ModelExport.Export(runs.Speaker, "onnx"));
        Assert.Contains("onnx", e1.Message);
        var missing = runs.File("no-run");
        var e2 = Assert.Throws<DirectoryNotFoundException>(() => ModelExport.Export(missing, "pytorch"));
        Assert.Contains(missing, e2.Message);
    }
}
