using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using SerDarts.Corpora;

namespace SerDarts.Experiments.Prediction;

/// <summary>What <see cref="Predictor"/> computed: per file, the four probabilities; how the inputs were
/// standardised; the warnings to show (a fallback normalisation).</summary>
/// <param name="Run">The training run whose best model was used (absolute path).</param>
/// <param name="Model">Its network kind (darts, random, cnn, cnn-lstm).</param>
/// <param name="Normalization">How the inputs were standardised, in words.</param>
/// <param name="Files">One per file, in the order given.</param>
/// <param name="Warnings">What the user should know (a fallback normalisation, speaker files left out).</param>
public sealed record PredictionReport(string Run, string Model, string Normalization, IReadOnlyList<FilePrediction> Files,
    IReadOnlyList<string> Warnings)
{
    /// <summary>{"run", "model", "normalization", "classes", "files": [{"file", "windows", "emotion",
    /// "probabilities": {"neutral": ..., ...}}], "warnings"}.</summary>
    public string ToJson()
    {
        var files = new JsonArray();
        foreach (var f in Files)
        {
            var probabilities = new JsonObject();
            for (int c = 0; c < EmotionClasses.FourClass.Count; c++) probabilities[EmotionClasses.FourClass[c]] = f.Probabilities[c];
            files.Add(new JsonObject
            {
                ["file"] = f.File,
                ["windows"] = f.Windows,
                ["emotion"] = f.Emotion,
                ["probabilities"] = probabilities,
            });
        }
        var json = new JsonObject
        {
            ["run"] = Run,
            ["model"] = Model,
            ["normalization"] = Normalization,
            ["classes"] = new JsonArray(EmotionClasses.FourClass.Select(c => (JsonNode?)JsonValue.Create(c)).ToArray()),
            ["files"] = files,
            ["warnings"] = new JsonArray(Warnings.Select(w => (JsonNode?)JsonValue.Create(w)).ToArray()),
        };
        // Relaxed escaping: paths and messages print as written (the output is JSON text, never embedded in HTML).
        return json.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
    }
}
