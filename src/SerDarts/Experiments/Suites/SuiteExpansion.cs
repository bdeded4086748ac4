using System.Text.Json;
using System.Text.Json.Nodes;
using SerDarts.Experiments.Specs;

namespace SerDarts.Experiments.Suites;

/// <summary>Expands a suite into named variants, each a full validated spec.</summary>
public static class SuiteExpansion
{
    /// <summary>The label under which a suite's variants are stored: the suite name, plus "@preset" when a
    /// preset resized it (so paper-size and small runs of one suite stay apart).</summary>
    public static string Label(SuiteSpec suite, string? preset) => preset is null ? suite.Name : $"{suite.Name}@{preset}";

    /// <summary>Variants in order: factor by factor (one-at-a-time) or in row-major order of the factors (grid).
    /// Each variant is the base with its levels merged in, resolved by <see cref="SpecResolution"/> (preset, then
    /// overrides, then validation). A factor over a path the preset changes is an error naming the path, unless the
    /// suite says its factors win (<see cref="SuiteSpec.FactorsWin"/>): then the levels are applied again after the
    /// preset.</summary>
    public static IReadOnlyList<SuiteVariant> Expand(SuiteSpec suite, string? preset = null, SpecOverrides? overrides = null)
    {
        CheckNames(suite);
        var combos = suite.Mode == SuiteMode.Grid ? GridCombos(suite.Factors) : OneAtATimeCombos(suite);
        var baseJson = JsonNode.Parse(suite.Base.ToJson(indented: false))!;
        var variants = new List<SuiteVariant>();
        foreach (var (factor, levels) in combos)
        {
            var name = Name(factor, levels);
            var json = levels.Aggregate(baseJson, (node, level) => JsonMergePatch.Apply(node, level.Set)!);
            var source = $"suite '{suite.Name}', variant '{name}'";
            var spec = Deserialize(json, source) with { Name = name };
            var patches = levels.Select(l => l.Set).ToList();
            if (!suite.FactorsWin && SpecResolution.PresetClashes(spec, preset, patches) is { Count: > 0 } clashes)
                throw new InvalidDataException($"suite '{suite.Name}', factor '{factor}': the preset '{preset}' also sets " +
                    $"{string.Join(", ", clashes)}, so the factor's levels would silently become one value; run without the preset, " +
                    "drop the factor, or say \"factorsWin\": true in the suite");
            spec = SpecResolution.Resolve(spec, preset, overrides, source, suite.FactorsWin ? patches : null);
            variants.Add(new SuiteVariant(name, factor, string.Join(" x ", levels.Select(l => l.Name)), variants.Count, spec));
        }
        return variants;
    }

    private static IEnumerable<(string Factor, IReadOnlyList<FactorLevel> Levels)> OneAtATimeCombos(SuiteSpec suite)
    {
        if (suite.Factors.Count == 0) return [("base", [])];
        return suite.Factors.SelectMany(f => f.Levels.Select(l => (f.Name, (IReadOnlyList<FactorLevel>)[l])));
    }

    private static IEnumerable<(string Factor, IReadOnlyList<FactorLevel> Levels)> GridCombos(IReadOnlyList<SuiteFactor> factors)
    {
        IEnumerable<IReadOnlyList<FactorLevel>> combos = [[]];
        foreach (var factor in factors)
            combos = combos.SelectMany(c => factor.Levels.Select(l => (IReadOnlyList<FactorLevel>)[.. c, l])).ToList();
        var name = factors.Count == 0 ? "base" : string.Join(" x ", factors.Select(f => f.Name));
        return combos.Select(c => (name, c));
    }

    private static string Name(string factor, IReadOnlyList<FactorLevel> levels) => levels.Count switch
    {
        0 => "base",
        1 when !factor.Contains(" x ") => $"{factor}={levels[0].Name}",
        _ => string.Join(",", factor.Split(" x ").Zip(levels, (f, l) => $"{f}={l.Name}")),
    };

    private static ExperimentSpec Deserialize(JsonNode json, string source)
    {
        try { return json.Deserialize<ExperimentSpec>(SpecJson.Options(indented: false))!; }
        catch (JsonException e) { throw new InvalidDataException($"{source}: {e.Message}", e); }
    }

    private static void CheckNames(SuiteSpec suite)
    {
        if (string.IsNullOrWhiteSpace(suite.Name)) throw new InvalidDataException("a suite needs a name");
        var duplicate = suite.Factors.GroupBy(f => f.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new InvalidDataException($"suite '{suite.Name}': factor '{duplicate.Key}' appears twice");
        foreach (var factor in suite.Factors)
        {
            if (factor.Levels.Count == 0) throw new InvalidDataException($"suite '{suite.Name}': factor '{factor.Name}' has no levels");
            var level = factor.Levels.GroupBy(l => l.Name).FirstOrDefault(g => g.Count() > 1);
            if (level is not null)
                throw new InvalidDataException($"suite '{suite.Name}': factor '{factor.Name}' has level '{level.Key}' twice");
        }
    }
}
