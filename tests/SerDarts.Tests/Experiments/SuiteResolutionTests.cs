using System.Text.Json;
using SerDarts.Cli;
using SerDarts.Experiments.Specs;
using SerDarts.Experiments.Suites;
using SerDarts.Features;

namespace SerDarts.Tests.Experiments;

/// <summary>A suite's variants are resolved like every other spec (<see cref="SpecResolution"/>), and a factor over a
/// path the preset also sets is refused by name instead of silently collapsing, unless the suite says it wins.</summary>
public class SuiteResolutionTests
{
    private const string Normalisation = """
        { "name": "norm", "factors": [ { "name": "normalization", "path": "features.normalization", "values": ["fold", "speaker"] } ] }
        """;

    [Fact]
    public void A_factor_over_a_path_the_preset_sets_is_an_error_naming_the_path()
    {
        var suite = SuiteFile.Parse(Normalisation);
        var e = Assert.Throws<InvalidDataException>(() => SuiteExpansion.Expand(suite, ExperimentPresets.Small));
        Assert.Contains("features.normalization", e.Message);
        Assert.Contains("factor 'normalization'", e.Message);
        Assert.Equal(2, SuiteExpansion.Expand(suite).Select(v => v.SpecHash).Distinct().Count()); // no preset: no clash
    }

    [Fact]
    public void When_the_suite_says_the_factor_wins_each_level_keeps_its_value_after_the_preset()
    {
        var suite = SuiteFile.Parse(Normalisation.Replace("\"name\": \"norm\",", "\"name\": \"norm\", \"factorsWin\": true,", StringComparison.Ordinal));
        Assert.True(suite.FactorsWin);
        var variants = SuiteExpansion.Expand(suite, ExperimentPresets.Small);
        Assert.Equal([FeatureSettings.FoldNormalization, FeatureSettings.SpeakerNormalizationName], variants.Select(v => v.Spec.Features.Normalization));
        Assert.Equal(2, variants.Select(v => v.SpecHash).Distinct().Count());
        Assert.All(variants, v => Assert.Equal(FeatureSettings.SmallGrid, v.Spec.Features.Grid)); // the rest of the preset still applies
        Assert.True(SuiteCatalog.Resolve(NormalizationSuite.Name).FactorsWin);
        Assert.Contains("\"factorsWin\": true", SuiteFile.ToJson(suite));
    }

    [Fact]
    public void A_variant_is_exactly_what_SpecResolution_gives_for_its_merged_spec()
    {
        var overrides = new SpecOverrides(Folds: [1], Seeds: [0, 1], Set: [SpecOverrides.ParseAssignment("search.epochs=3")]);
        var variant = SuiteExpansion.Expand(PaperSuite.Create(), ExperimentPresets.Smoke, overrides).Single(v => v.Name == "cells=8");
        var byHand = new ExperimentSpec { Name = "cells=8" } with { Network = new ExperimentSpec().Network with { Cells = 8 } };
        Assert.Equal(SpecResolution.Resolve(byHand, ExperimentPresets.Smoke, overrides), variant.Spec);
        Assert.Equal((8, 3, 1), (variant.Spec.Network.Cells, variant.Spec.Search.Epochs, variant.Spec.Folds!.Single()));
    }

    [Fact]
    public void Ablate_plan_prints_the_resolved_trials_and_the_differing_fields_and_runs_nothing()
    {
        using var folder = new TempFolder();
        var store = folder.File("results.db");
        var (code, output) = Cli("ablate", "--suite", NormalizationSuite.Name, "--preset", "small", "--plan", "--seeds", "0,1", "--store", store);
        Assert.True(code == 0, output);
        var json = JsonDocument.Parse(output).RootElement;
        // The four levels of the built-in suite, each its own spec hash although the small preset sets the field.
        Assert.Equal(4, json.GetProperty("specHashes").GetInt32());
        Assert.Equal(["none", "fold", "speaker", "enrolment:4"],
            json.GetProperty("variants").EnumerateArray().Select(v => v.GetProperty("level").GetString()));
        Assert.Equal(4, json.GetProperty("variants").EnumerateArray().Select(v => v.GetProperty("specHash").GetString()).Distinct().Count());
        var differing = json.GetProperty("differing").EnumerateArray().ToList();
        Assert.Equal(["features.normalization"], differing.Select(d => d.GetProperty("path").GetString()));
        Assert.Equal("fold", differing[0].GetProperty("values").GetProperty("normalization=fold").GetString());
        var trials = json.GetProperty("trials").EnumerateArray().ToList();
        Assert.Equal(8, trials.Count); // 4 variants x fold 0 (the small preset's) x seeds 0, 1
        Assert.Equal(TrialSpec.RunSeedOf(1, 0), trials[1].GetProperty("runSeed").GetInt32());
        Assert.False(File.Exists(store)); // nothing registered, nothing run

        var file = folder.File("norm.json");
        File.WriteAllText(file, Normalisation);
        // Invalid input (exit 2); the one-line message (stderr) is the expansion's, checked above to name features.normalization.
        Assert.Equal(2, Cli("ablate", "--suite", file, "--preset", "small", "--plan", "--store", store).Code);
    }

    private static (int Code, string Output) Cli(params string[] args)
    {
        var output = new StringWriter();
        var code = CliApp.Build().Parse(args).Invoke(new System.CommandLine.InvocationConfiguration { Output = output, Error = output });
        return (code, output.ToString());
    }
}
