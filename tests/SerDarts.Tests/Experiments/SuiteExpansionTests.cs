using SerDarts.Corpora;
using System.Text.Json.Nodes;
using SerDarts.Experiments.Specs;
using SerDarts.Experiments.Suites;
using SerDarts.Networks;

namespace SerDarts.Tests.Experiments;

public class SuiteExpansionTests
{
    private static readonly string[] PaperVariantNames =
    [
        "model=darts-cnn-lstm", "model=random-cnn-lstm", "model=cnn", "model=cnn-lstm", "model=linear", "cells=4", "cells=8",
        "lstm-layers=1", "lstm-layers=2", "lstm-layers=3", "features=mfcc", "features=logmel",
        "augmentation=none", "augmentation=speed-noise-specaugment",
    ];

    [Fact]
    public void Paper_suite_expands_to_the_papers_table_and_ablations_in_order()
    {
        var variants = SuiteExpansion.Expand(PaperSuite.Create());

        Assert.Equal(PaperVariantNames, variants.Select(v => v.Name));
        Assert.Equal(Enumerable.Range(0, 14), variants.Select(v => v.Ordinal));
        Assert.Equal(["darts", "random", "cnn", "cnn-lstm", "linear", "darts", "darts", "darts", "darts", "darts", "darts", "darts", "darts", "darts"], variants.Select(v => v.Spec.Model));
        Assert.Equal([4, 4, 4, 4, 4, 4, 8, 4, 4, 4, 4, 4, 4, 4], variants.Select(v => v.Spec.Network.Cells));
        Assert.Equal([1, 1, 1, 1, 1, 1, 1, 1, 2, 3, 1, 1, 1, 1], variants.Select(v => v.Spec.Network.Head.LstmLayers));
        Assert.Equal(["mfcc", "mfcc", "mfcc", "mfcc", "mfcc", "mfcc", "mfcc", "mfcc", "mfcc", "mfcc", "mfcc", "logmel", "mfcc", "mfcc"], variants.Select(v => v.Spec.Features.Kind));
        Assert.Equal(["model", "model", "model", "model", "model", "cells", "cells", "lstm-layers", "lstm-layers", "lstm-layers", "features", "features",
            "augmentation", "augmentation"], variants.Select(v => v.Factor));
        Assert.Equal([0.9, 1.1], variants[^1].Spec.Features.Augmentation.SpeedFactors!);
        Assert.True(variants[^2].Spec.Features.Augmentation.IsNone);
        Assert.All(variants, v => Assert.Equal((128, 128), v.Spec.Features.GridSize()));
        Assert.All(variants, v => Assert.Equal(300, v.Spec.Training.Epochs));
    }

    [Fact]
    public void Paper_variants_equal_to_the_base_share_one_spec_hash()
    {
        var variants = SuiteExpansion.Expand(PaperSuite.Create());
        var baseHash = variants[0].SpecHash;
        Assert.Equal(10, variants.Select(v => v.SpecHash).Distinct().Count());
        Assert.Equal(["model=darts-cnn-lstm", "cells=4", "lstm-layers=1", "features=mfcc", "augmentation=none"],
            variants.Where(v => v.SpecHash == baseHash).Select(v => v.Name));
    }

    [Fact]
    public void Model_comparison_suite_is_the_papers_first_factor()
    {
        var variants = SuiteExpansion.Expand(PaperSuite.CreateModelComparison(), ExperimentPresets.Small);
        Assert.Equal(["model=darts-cnn-lstm", "model=random-cnn-lstm", "model=cnn", "model=cnn-lstm", "model=linear"], variants.Select(v => v.Name));
        Assert.Equal(["darts", "random", "cnn", "cnn-lstm", "linear"], variants.Select(v => v.Spec.Model));
    }

    [Fact]
    public void Hashes_follow_the_spec_of_a_copied_variant_or_trial()
    {
        var variant = SuiteExpansion.Expand(PaperSuite.Create())[0];
        var changed = variant with { Spec = variant.Spec with { Network = variant.Spec.Network with { Kind = NetworkKinds.Cnn } } };
        Assert.Equal(changed.Spec.Hash(), changed.SpecHash);
        Assert.NotEqual(variant.SpecHash, changed.SpecHash);
        var trial = new TrialSpec(variant.Spec, 0, 0);
        Assert.Equal(changed.SpecHash, (trial with { Spec = changed.Spec }).SpecHash);
    }

    [Fact]
    public void Small_preset_resizes_every_paper_variant_and_keeps_its_contrast()
    {
        var variants = SuiteExpansion.Expand(PaperSuite.Create(), ExperimentPresets.Small);

        Assert.Equal(PaperVariantNames, variants.Select(v => v.Name));
        Assert.All(variants, v => Assert.Equal((64, 64), v.Spec.Features.GridSize()));
        Assert.All(variants, v => Assert.Equal((ExperimentPresets.ApplySmall(new ExperimentSpec()).Search.Epochs, 20, 16),
            (v.Spec.Search.Epochs, v.Spec.Training.Epochs, v.Spec.Training.BatchSize)));
        Assert.All(variants, v => Assert.Equal([0], v.Spec.Folds!));
        Assert.Equal(8, variants.Single(v => v.Name == "cells=8").Spec.Network.Cells);
        Assert.Equal(3, variants.Single(v => v.Name == "lstm-layers=3").Spec.Network.Head.LstmLayers);
        Assert.Equal("logmel", variants.Single(v => v.Name == "features=logmel").Spec.Features.Kind);
        Assert.Equal("paper@small", SuiteExpansion.Label(PaperSuite.Create(), ExperimentPresets.Small));
    }

    [Fact]
    public void User_suite_file_with_path_values_and_levels_expands_over_its_base()
    {
        var suite = SuiteFile.Parse("""
            {
              // comments are allowed
              "name": "depth-and-model",
              "base": { "network": { "kind": "darts" }, "training": { "epochs": 20 }, "seeds": [1, 2] },
              "factors": [
                { "name": "lstm", "path": "network.head.lstmLayers", "values": [1, 2] },
                { "name": "model", "levels": [ { "name": "plain-cnn", "set": { "network": { "kind": "cnn", "head": { "lstmUnits": 128 } } } } ] }
              ]
            }
            """, "depth.json");

        var variants = SuiteExpansion.Expand(suite);

        Assert.Equal(["lstm=1", "lstm=2", "model=plain-cnn"], variants.Select(v => v.Name));
        Assert.Equal([1, 2, 1], variants.Select(v => v.Spec.Network.Head.LstmLayers));
        Assert.Equal([256, 256, 128], variants.Select(v => v.Spec.Network.Head.LstmUnits));
        Assert.Equal(["darts", "darts", "cnn"], variants.Select(v => v.Spec.Model));
        Assert.All(variants, v => Assert.Equal(20, v.Spec.Training.Epochs));
        Assert.All(variants, v => Assert.Equal([1, 2], v.Spec.Seeds));
        Assert.Equal(["1", "2", "plain-cnn"], variants.Select(v => v.Level));
    }

    [Fact]
    public void Grid_mode_expands_every_combination()
    {
        var suite = SuiteFile.Parse("""
            { "name": "g", "mode": "grid", "factors": [
                { "name": "cells", "path": "network.cells", "values": [4, 8] },
                { "name": "lstm", "path": "network.head.lstmLayers", "values": [1, 2, 3] } ] }
            """);

        var variants = SuiteExpansion.Expand(suite);

        Assert.Equal(["cells=4,lstm=1", "cells=4,lstm=2", "cells=4,lstm=3", "cells=8,lstm=1", "cells=8,lstm=2", "cells=8,lstm=3"], variants.Select(v => v.Name));
        Assert.Equal([(4, 1), (4, 2), (4, 3), (8, 1), (8, 2), (8, 3)], variants.Select(v => (v.Spec.Network.Cells, v.Spec.Network.Head.LstmLayers)));
        Assert.All(variants, v => Assert.Equal("cells x lstm", v.Factor));
        Assert.Equal("8 x 2", variants[4].Level);
    }

    [Fact]
    public void Overrides_apply_to_every_variant_after_the_preset()
    {
        var overrides = new SpecOverrides(Folds: [1, 2], Seeds: [5], CorpusName: "iemocap", CorpusRoot: "/data/iemocap", Device: "cpu");
        var variants = SuiteExpansion.Expand(PaperSuite.Create(), ExperimentPresets.Small, overrides);
        Assert.All(variants, v =>
        {
            Assert.Equal([1, 2], v.Spec.Folds!);
            Assert.Equal([5], v.Spec.Seeds);
            Assert.Equal(new CorpusSpec("iemocap", "/data/iemocap"), v.Spec.Corpus);
            Assert.Equal("cpu", v.Spec.Execution.Device);
        });
    }

    [Fact]
    public void Misspelt_path_names_the_suite_variant_and_property()
    {
        var suite = SuiteFile.Parse("""{ "name": "typo", "factors": [ { "name": "d", "path": "training.lstmLayer", "values": [2] } ] }""");
        var e = Assert.Throws<InvalidDataException>(() => SuiteExpansion.Expand(suite));
        Assert.Contains("typo", e.Message);
        Assert.Contains("d=2", e.Message);
        Assert.Contains("lstmLayer", e.Message);
    }

    [Theory]
    [InlineData("""{ "name": "s", "factor": [] }""", "'factor'")]
    [InlineData("""{ "name": "s", "mode": "random" }""", "random")]
    [InlineData("""{ "name": "s", "factors": [ { "name": "f" } ] }""", "needs 'levels'")]
    [InlineData("""{ "name": "s", "factors": [ { "name": "f", "levels": [ { "name": "a", "set": {} }, { "name": "a", "set": {} } ] } ] }""", "level 'a' twice")]
    [InlineData("""[1, 2]""", "must be a JSON object")]
    public void Malformed_suites_are_rejected_with_a_reason(string json, string reason)
    {
        var e = Assert.ThrowsAny<InvalidDataException>(() => SuiteExpansion.Expand(SuiteFile.Parse(json, "bad.json")));
        Assert.Contains(reason, e.Message);
    }

    [Fact]
    public void Suite_json_round_trips_to_the_same_variants()
    {
        var paper = PaperSuite.Create();
        var again = SuiteFile.Parse(SuiteFile.ToJson(paper));
        Assert.Equal(SuiteExpansion.Expand(paper).Select(v => (v.Name, v.SpecHash)), SuiteExpansion.Expand(again).Select(v => (v.Name, v.SpecHash)));
    }

    [Fact]
    public void Catalog_resolves_the_built_in_suite_and_rejects_unknown_names()
    {
        Assert.Equal("paper", SuiteCatalog.Resolve("paper").Name);
        var e = Assert.Throws<FileNotFoundException>(() => SuiteCatalog.Resolve("nope"));
        Assert.Contains("paper", e.Message);
    }

    // Examples from RFC 7396, appendix A.
    [Theory]
    [InlineData("""{"a":"b"}""", """{"a":"c"}""", """{"a":"c"}""")]
    [InlineData("""{"a":"b"}""", """{"b":"c"}""", """{"a":"b","b":"c"}""")]
    [InlineData("""{"a":"b"}""", """{"a":null}""", """{}""")]
    [InlineData("""{"a":"b","b":"c"}""", """{"a":null}""", """{"b":"c"}""")]
    [InlineData("""{"a":["b"]}""", """{"a":"c"}""", """{"a":"c"}""")]
    [InlineData("""{"a":{"b":"c"}}""", """{"a":{"b":"d","c":null}}""", """{"a":{"b":"d"}}""")]
    [InlineData("""{"a":[{"b":"c"}]}""", """{"a":[1]}""", """{"a":[1]}""")]
    [InlineData("""{"e":null}""", """{"a":1}""", """{"e":null,"a":1}""")]
    [InlineData("""[1,2]""", """{"a":"b","c":null}""", """{"a":"b"}""")]
    public void Merge_patch_follows_rfc_7396(string target, string patch, string expected) =>
        Assert.Equal(expected, JsonMergePatch.Apply(JsonNode.Parse(target), JsonNode.Parse(patch))!.ToJsonString());
}
