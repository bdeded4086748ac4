using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using SerDarts.Corpora;
using SerDarts.Experiments.Execution;
using SerDarts.Experiments.Specs;
using SerDarts.Runtime;
using SerDarts.Training;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace SerDarts.Experiments.Prediction;

/// <summary>
/// Hands a trained run's best model to other tools: the weights as a PyTorch state dict (torch.save's zip
/// format, written by TorchSharp.PyBridge, so <c>torch.load</c> reads it) and, beside it, a JSON description:
/// network, genotype, inputs (grid, windows, normalisation), classes and every tensor's name and shape.
/// </summary>
public static class ModelExport
{
    public const string PyTorch = "pytorch";

    public static IReadOnlyList<string> Formats { get; } = [PyTorch];

    /// <param name="runDirectory">A training run (or a trial folder holding train/).</param>
    /// <param name="format">pytorch.</param>
    /// <param name="outFile">The state dict (default: model.pt in the run); the description is the same path with .json.</param>
    public static ModelExportResult Export(string runDirectory, string format, string? outFile = null)
    {
        if (!Formats.Contains(format))
            throw new ArgumentException($"export format '{format}' is not supported (formats: {string.Join(", ", Formats)})");
        var train = TrialFile.TrainingRunIn(runDirectory);
        var trial = TrialFile.Load(train);
        // NCHW strides: the file holds plain contiguous tensors, as a PyTorch module's state dict does.
        var grid = trial.Spec.Features.ToFeatureSpec();
        using var model = TrainedModel.Load(train, "cpu", channelsLast: false, inputRows: grid.Channels * grid.Rows);
        var stateDict = Path.GetFullPath(outFile ?? Path.Combine(model.RunPath, "model.pt"));
        var description = Path.ChangeExtension(stateDict, ".json");
        if (string.Equals(stateDict, description, StringComparison.Ordinal))
            throw new ArgumentException($"--out '{outFile}': the state dict needs a name other than .json (the description is written beside it)");
        Directory.CreateDirectory(Path.GetDirectoryName(stateDict)!);

        using var buffer = new MemoryStream();
        model.Network.save_py(buffer, leaveOpen: true);
        AtomicFile.WriteAllBytes(stateDict, buffer.ToArray());
        var tensors = model.Network.state_dict()
            .Select(kv => new JsonObject
            {
                ["name"] = kv.Key,
                ["shape"] = new JsonArray(kv.Value.shape.Select(d => (JsonNode?)JsonValue.Create(d)).ToArray()),
                ["dtype"] = kv.Value.dtype.ToString().ToLowerInvariant(),
                ["sum"] = Sum(kv.Value),
            })
            .ToList();
        AtomicFile.WriteAllText(description, Describe(model, trial, Path.GetFileName(stateDict), tensors));
        return new ModelExportResult(stateDict, description, tensors.Count, model.Network.ParameterCount());
    }

    /// <summary>The sum of a tensor's values in float64: a checksum a reader can recompute after loading.</summary>
    private static double Sum(Tensor t)
    {
        using var scope = NewDisposeScope();
        return t.to(ScalarType.Float64).sum().item<double>();
    }

    private static string Describe(TrainedModel model, TrialSpec trial, string stateDictName, IReadOnlyList<JsonObject> tensors)
    {
        var spec = JsonNode.Parse(trial.Spec.ToJson(indented: false))!.AsObject();
        var grid = trial.Spec.Features.ToFeatureSpec();
        var config = JsonNode.Parse(model.Config.ToJson())!.AsObject();
        var json = new JsonObject
        {
            ["format"] = "pytorch-state-dict",
            ["stateDict"] = stateDictName,
            ["serdarts"] = LibraryInfo.Version,
            ["run"] = model.RunPath,
            ["specHash"] = trial.SpecHash,
            ["fold"] = trial.Fold,
            ["seed"] = trial.Seed,
            ["classes"] = new JsonArray(EmotionClasses.FourClass.Select(c => (JsonNode?)JsonValue.Create(c)).ToArray()),
            ["input"] = new JsonObject
            {
                ["x"] = $"float32 [N, {grid.Channels}, {grid.Rows}, {grid.Frames}], standardised as 'features.normalization' says",
                ["validFrames"] = "int64 [N]: each row's frames before its zero padding",
                ["features"] = spec["features"]?.DeepClone(),
            },
            ["network"] = config["network"]?.DeepClone(),
            ["genotype"] = config["genotype"]?.DeepClone(),
            ["parameters"] = model.Network.ParameterCount(),
            ["tensors"] = new JsonArray(tensors.Select(t => (JsonNode?)t).ToArray()),
        };
        return json.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
    }
}
