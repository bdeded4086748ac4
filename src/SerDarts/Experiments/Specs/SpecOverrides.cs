using System.Text.Json;
using System.Text.Json.Nodes;
using SerDarts.Corpora;

namespace SerDarts.Experiments.Specs;

/// <summary>
/// Command-line style overrides applied to every spec of a run, after a preset: folds, seeds, the corpus, the
/// device, and any field by its JSON path (<see cref="Set"/>: "search.epochs=3", "network.head.lstmLayers=2").
/// Null leaves a field as it is.
/// </summary>
public sealed record SpecOverrides(
    IReadOnlyList<int>? Folds = null,
    IReadOnlyList<int>? Seeds = null,
    string? CorpusName = null,
    string? CorpusRoot = null,
    string? Device = null,
    IReadOnlyList<(string Path, JsonNode? Value)>? Set = null)
{
    public ExperimentSpec Apply(ExperimentSpec spec)
    {
        if (Set is { Count: > 0 })
        {
            var json = JsonNode.Parse(spec.ToJson(indented: false));
            // "split.validation=..." reaches into a split written as a bare protocol name: give it its object form first.
            if (Set.Any(s => s.Path.StartsWith("split.", StringComparison.Ordinal)) && json!["split"] is JsonValue protocol)
                json["split"] = new JsonObject { ["protocol"] = protocol.GetValue<string>() };
            foreach (var (path, value) in Set) json = JsonMergePatch.Apply(json, JsonMergePatch.ForPath(path, value));
            try { spec = json!.Deserialize<ExperimentSpec>(SpecJson.Options(indented: false))!; }
            catch (JsonException e) { throw new InvalidDataException($"override: {e.Message}", e); }
        }
        return spec with
        {
            Folds = Folds ?? spec.Folds,
            Seeds = Seeds ?? spec.Seeds,
            Corpus = spec.Corpus with { Name = CorpusName ?? spec.Corpus.Name, Root = CorpusRoot ?? spec.Corpus.Root },
            Execution = spec.Execution with { Device = Device ?? spec.Execution.Device },
        };
    }

    /// <summary>Parses "path=value" (the value as JSON, else as a string): "search.epochs=3", "network.kind=cnn".</summary>
    public static (string Path, JsonNode? Value) ParseAssignment(string text)
    {
        int eq = text.IndexOf('=');
        if (eq <= 0) throw new FormatException($"'{text}' is not path=value (for example search.epochs=3)");
        var (path, raw) = (text[..eq].Trim(), text[(eq + 1)..].Trim());
        JsonNode? value;
        try { value = JsonNode.Parse(raw); }
        catch (JsonException) { value = JsonValue.Create(raw); }
        return (path, value);
    }
}
