using System.Text.Json;
using System.Text.Json.Nodes;
using SerDarts.Experiments.Specs;

namespace SerDarts.Experiments.Suites;

/// <summary>
/// What <c>serdarts ablate --plan</c> prints, runs nothing: every trial the suite would run (variant, fold, seed,
/// the run seed its stages use, spec hash) and the spec fields in which the variants differ, with each variant's
/// value. Two variants that resolve to one spec share its trials and are listed together, so a factor that
/// collapsed shows as one hash.
/// </summary>
public static class SuitePlan
{
    public static string Json(string label, IReadOnlyList<SuiteVariant> variants, Func<ExperimentSpec, int> countFolds)
    {
        var trials = TrialPlanner.Plan(variants, countFolds);
        var names = variants.GroupBy(v => v.SpecHash).ToDictionary(g => g.Key, g => g.Select(v => v.Name).ToList());
        var specs = variants.Select(v => (v.Name, Json: JsonNode.Parse((v.Spec with { Name = "" }).ToJson(indented: false))!)).ToList();
        var paths = specs.SelectMany(s => SpecResolution.LeafPaths(s.Json, "")).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        var differing = new JsonArray();
        foreach (var path in paths)
        {
            var values = specs.Select(s => (s.Name, Value: SpecResolution.At(s.Json, path))).ToList();
            if (values.All(v => JsonNode.DeepEquals(v.Value, values[0].Value))) continue;
            var byVariant = new JsonObject();
            foreach (var (name, value) in values) byVariant[name] = value?.DeepClone();
            differing.Add(new JsonObject { ["path"] = path, ["values"] = byVariant });
        }
        var root = new JsonObject
        {
            ["suite"] = label,
            ["variants"] = new JsonArray(variants.Select(v => (JsonNode)new JsonObject
            {
                ["variant"] = v.Name, ["factor"] = v.Factor, ["level"] = v.Level, ["specHash"] = v.SpecHash,
            }).ToArray()),
            ["specHashes"] = variants.Select(v => v.SpecHash).Distinct().Count(),
            ["differing"] = differing,
            ["trials"] = new JsonArray(trials.Select(t => (JsonNode)new JsonObject
            {
                ["variants"] = new JsonArray(names[t.SpecHash].Select(n => (JsonNode)JsonValue.Create(n)!).ToArray()),
                ["fold"] = t.Fold, ["seed"] = t.Seed, ["runSeed"] = t.RunSeed, ["specHash"] = t.SpecHash,
            }).ToArray()),
        };
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }
}
