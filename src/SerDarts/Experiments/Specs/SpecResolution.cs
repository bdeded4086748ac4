using System.Text.Json;
using System.Text.Json.Nodes;

namespace SerDarts.Experiments.Specs;

/// <summary>
/// How every entry point turns what a user gave into the configuration a run uses: a base spec (a file, a
/// suite variant, or the defaults), then a preset (<see cref="ExperimentPresets"/>), then patches that must win
/// over the preset (a suite's factor levels when the suite says so), then the overrides (flags, --set path=value,
/// a notebook's parameters), then validation of the whole. A stage verb's trial is the same resolution plus a
/// fold and a seed, so it equals the trial <c>serdarts run</c> executes; a suite variant is the same resolution
/// of the base with the variant's levels merged in.
/// </summary>
public static class SpecResolution
{
    public static ExperimentSpec Resolve(ExperimentSpec baseSpec, string? preset, SpecOverrides? overrides, string source = "spec",
        IReadOnlyList<JsonObject>? winning = null)
    {
        var spec = preset is null ? baseSpec : ExperimentPresets.Apply(baseSpec, preset);
        if (winning is { Count: > 0 })
        {
            var json = JsonNode.Parse(spec.ToJson(indented: false));
            foreach (var patch in winning) json = JsonMergePatch.Apply(json, patch.DeepClone());
            try { spec = json!.Deserialize<ExperimentSpec>(SpecJson.Options(indented: false))!; }
            catch (JsonException e) { throw new InvalidDataException($"{source}: {e.Message}", e); }
        }
        if (overrides is not null) spec = overrides.Apply(spec);
        return spec.EnsureValid(source);
    }

    /// <summary>One trial of a resolved spec: the given fold (checked against the split) and seed.</summary>
    public static TrialSpec Trial(ExperimentSpec baseSpec, string? preset, SpecOverrides? overrides, int fold, int seed, string source = "command line")
    {
        var spec = Resolve(baseSpec, preset, (overrides ?? new SpecOverrides()) with { Folds = [fold], Seeds = [seed] }, source);
        return new TrialSpec(spec, fold, seed);
    }

    /// <summary>The leaf paths of <paramref name="patches"/> ("features.normalization") whose value
    /// <paramref name="preset"/> changes in <paramref name="spec"/>: a factor over such a path would silently
    /// become the preset's one value.</summary>
    public static IReadOnlyList<string> PresetClashes(ExperimentSpec spec, string? preset, IEnumerable<JsonObject> patches)
    {
        if (preset is null) return [];
        var before = JsonNode.Parse(spec.ToJson(indented: false));
        var after = JsonNode.Parse(ExperimentPresets.Apply(spec, preset).ToJson(indented: false));
        return patches.SelectMany(p => LeafPaths(p, "")).Distinct(StringComparer.Ordinal)
            .Where(path => !JsonNode.DeepEquals(At(before, path), At(after, path))).ToList();
    }

    /// <summary>"a.b.c" for every value inside <paramref name="node"/> that is not a non-empty object (an empty
    /// object, e.g. "no augmentation", is a value of its own).</summary>
    public static IEnumerable<string> LeafPaths(JsonNode? node, string prefix) => node is JsonObject { Count: > 0 } obj
        ? obj.SelectMany(p => LeafPaths(p.Value, prefix.Length == 0 ? p.Key : $"{prefix}.{p.Key}"))
        : [prefix];

    /// <summary>The value at a dotted path, or null.</summary>
    public static JsonNode? At(JsonNode? node, string path)
    {
        foreach (var part in path.Split('.'))
            node = node is JsonObject obj && obj.TryGetPropertyValue(part, out var child) ? child : null;
        return node;
    }
}
