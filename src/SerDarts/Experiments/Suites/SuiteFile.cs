using System.Text.Json;
using System.Text.Json.Nodes;
using SerDarts.Experiments.Specs;

namespace SerDarts.Experiments.Suites;

/// <summary>
/// Reads and writes suites as JSON:
/// <code>
/// { "name": "depth", "mode": "one-at-a-time" | "grid", "description": "...",
///   "base": { ...any part of a spec; the rest takes the defaults... },
///   "factors": [ { "name": "lstm", "path": "training.lstmLayers", "values": [1, 2, 3] },
///                { "name": "model", "levels": [ { "name": "cnn", "set": { "model": "cnn" } } ] } ] }
/// </code>
/// A level's <c>set</c> is a JSON merge patch on the base spec; <c>path</c>/<c>values</c> is shorthand for one
/// level per value.
/// </summary>
public static class SuiteFile
{
    public static SuiteSpec Load(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"suite file '{path}' does not exist", path);
        return Parse(File.ReadAllText(path), path);
    }

    public static SuiteSpec Parse(string json, string source = "suite")
    {
        JsonObject root;
        try { root = JsonNode.Parse(json, documentOptions: new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }) as JsonObject
                     ?? throw new InvalidDataException($"{source}: a suite must be a JSON object"); }
        catch (JsonException e) { throw new InvalidDataException($"{source}: invalid JSON: {e.Message}", e); }
        RejectUnknown(root, source, "name", "description", "mode", "base", "factors", "factorsWin");
        var name = Text(root, "name", source) ?? Path.GetFileNameWithoutExtension(source);
        var baseSpec = ParseBase(root["base"], source);
        var factors = (root["factors"] as JsonArray ?? []).Select((f, i) => ParseFactor(f, $"{source}: factors[{i}]")).ToList();
        var factorsWin = root["factorsWin"] switch
        {
            null => false,
            JsonValue v when v.TryGetValue<bool>(out var b) => b,
            _ => throw new InvalidDataException($"{source}: 'factorsWin' must be true or false"),
        };
        return new SuiteSpec(name, Text(root, "description", source) ?? "", baseSpec, factors, ParseMode(Text(root, "mode", source), source), factorsWin);
    }

    public static string ToJson(SuiteSpec suite)
    {
        var root = new JsonObject
        {
            ["name"] = suite.Name,
            ["description"] = suite.Description,
            ["mode"] = suite.Mode == SuiteMode.Grid ? "grid" : "one-at-a-time",
            ["factorsWin"] = suite.FactorsWin,
            ["base"] = JsonNode.Parse(suite.Base.ToJson(indented: false)),
            ["factors"] = new JsonArray(suite.Factors.Select(f => (JsonNode)new JsonObject
            {
                ["name"] = f.Name,
                ["levels"] = new JsonArray(f.Levels.Select(l => (JsonNode)new JsonObject
                {
                    ["name"] = l.Name, ["set"] = l.Set.DeepClone(),
                }).ToArray()),
            }).ToArray()),
        };
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    private static ExperimentSpec ParseBase(JsonNode? node, string source)
    {
        if (node is null) return new ExperimentSpec();
        try { return node.Deserialize<ExperimentSpec>(SpecJson.Options(indented: false)) ?? new ExperimentSpec(); }
        catch (JsonException e) { throw new InvalidDataException($"{source}: base: {e.Message}", e); }
    }

    private static SuiteFactor ParseFactor(JsonNode? node, string where)
    {
        if (node is not JsonObject factor) throw new InvalidDataException($"{where}: a factor must be an object");
        RejectUnknown(factor, where, "name", "path", "values", "levels");
        var name = Text(factor, "name", where) ?? throw new InvalidDataException($"{where}: a factor needs a name");
        var path = Text(factor, "path", where);
        if (path is not null)
        {
            if (factor["values"] is not JsonArray values) throw new InvalidDataException($"{where}: 'path' needs a 'values' array");
            return new SuiteFactor(name, values.Select(v => new FactorLevel(LevelName(v), JsonMergePatch.ForPath(path, v))).ToList());
        }
        if (factor["levels"] is not JsonArray levels) throw new InvalidDataException($"{where}: factor '{name}' needs 'levels' or 'path' + 'values'");
        return new SuiteFactor(name, levels.Select((l, i) => ParseLevel(l, $"{where}.levels[{i}]")).ToList());
    }

    private static FactorLevel ParseLevel(JsonNode? node, string where)
    {
        if (node is not JsonObject level) throw new InvalidDataException($"{where}: a level must be an object");
        RejectUnknown(level, where, "name", "set");
        var name = Text(level, "name", where) ?? throw new InvalidDataException($"{where}: a level needs a name");
        if (level["set"] is not JsonObject set) throw new InvalidDataException($"{where}: level '{name}' needs a 'set' object");
        return new FactorLevel(name, (JsonObject)set.DeepClone());
    }

    private static string LevelName(JsonNode? value) =>
        value is JsonValue v && v.TryGetValue<string>(out var s) ? s : value?.ToJsonString() ?? "null";

    private static SuiteMode ParseMode(string? mode, string source) => mode switch
    {
        null or "one-at-a-time" => SuiteMode.OneAtATime,
        "grid" => SuiteMode.Grid,
        _ => throw new InvalidDataException($"{source}: mode '{mode}' is not 'one-at-a-time' or 'grid'"),
    };

    private static string? Text(JsonObject obj, string key, string where)
    {
        var node = obj[key];
        if (node is null) return null;
        return node is JsonValue v && v.TryGetValue<string>(out var s)
            ? s
            : throw new InvalidDataException($"{where}: '{key}' must be a string");
    }

    private static void RejectUnknown(JsonObject obj, string where, params string[] known)
    {
        var unknown = obj.Select(p => p.Key).Where(k => !known.Contains(k)).ToList();
        if (unknown.Count > 0)
            throw new InvalidDataException($"{where}: unknown propert{(unknown.Count == 1 ? "y" : "ies")} {string.Join(", ", unknown.Select(u => $"'{u}'"))} (expected {string.Join(", ", known)})");
    }
}
