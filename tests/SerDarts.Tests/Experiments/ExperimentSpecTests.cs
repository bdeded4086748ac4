using SerDarts.Corpora;
using SerDarts.Experiments.Specs;
using SerDarts.Features;
using SerDarts.Networks;
using SerDarts.Runtime;
using SerDarts.Search;
using SerDarts.Training;

namespace SerDarts.Tests.Experiments;

public class ExperimentSpecTests
{
    [Fact]
    public void Default_spec_follows_the_paper()
    {
        var spec = new ExperimentSpec();
        Assert.Equal(NetworkKinds.Darts, spec.Model);
        Assert.Equal((4, 8, 4), (spec.Network.Cells, spec.Network.InitChannels, spec.Network.Nodes));
        Assert.Equal((256, 1), (spec.Network.Head.LstmUnits, spec.Network.Head.LstmLayers));
        Assert.Equal("darts", spec.Network.SearchSpace);
        Assert.Equal(FeatureSettings.Mfcc, spec.Features.Kind);
        var grid = spec.Features.ToFeatureSpec();
        Assert.Equal((128, 128), (grid.Rows, grid.Frames));
        Assert.Equal(300, spec.Training.Epochs);
        Assert.Equal(0.9, spec.Training.Momentum);
        Assert.Equal("loso", spec.Split);
        Assert.Null(spec.Folds);
        Assert.Equal([0], spec.Seeds);
    }

    [Fact]
    public void Spec_with_every_section_changed_round_trips_through_json()
    {
        var spec = new ExperimentSpec
        {
            Name = "custom",
            Corpus = new CorpusSpec("iemocap", "/data/IEMOCAP_full_release"),
            Split = "kfold:5",
            Features = new FeatureSettings(FeatureSettings.LogMel, "small"),
            Network = new NetworkSpec
            {
                Kind = NetworkKinds.CnnLstm, Cells = 8, Nodes = 3, InitChannels = 16, StemMultiplier = 2, Auxiliary = true,
                BaselineChannels = [4, 8], Head = new HeadSpec { LstmUnits = 128, LstmLayers = 3, DenseUnits = [], Dropout = 0.1, Pooling = HeadPooling.Attention },
            },
            Search = new SearchSettings { Epochs = 7, BatchSize = 12, Order = "second", Portion = 0.7, LearningRate = 0.05, ArchLearningRate = 6e-4, WarmupEpochs = 2, MaxNormalSkips = 2 },
            Training = new TrainingSettings { Epochs = 11, BatchSize = 24, LearningRate = 0.01, Momentum = 0.8, ClassWeightedLoss = false, AuxiliaryWeight = 0.5 },
            Folds = [1, 3],
            Seeds = [7, 11],
            Execution = new ExecutionSettings("cuda:1", 3, true),
        };

        var back = ExperimentSpec.FromJson(spec.ToJson());

        Assert.Equal(spec.ToJson(), back.ToJson());
        Assert.Equal(spec, back);
        Assert.Equal(spec.Hash(), back.Hash());
        Assert.Equal((HeadPooling.Attention, 3), (back.Network.Head.Pooling, back.Network.Head.LstmLayers));
        Assert.Equal(new ExecutionSettings("cuda:1", 3, true), back.Execution);
    }

    [Fact]
    public void Partial_json_takes_the_defaults_for_missing_fields()
    {
        var spec = ExperimentSpec.FromJson("""{ "network": { "kind": "cnn" }, "training": { "epochs": 5 }, "seeds": [1, 2] }""");

        Assert.Equal("cnn", spec.Model);
        Assert.Equal(5, spec.Training.Epochs);
        Assert.Equal(256, spec.Network.Head.LstmUnits);
        Assert.Equal(0.025, spec.Training.LearningRate);
        Assert.Equal(4, spec.Network.Cells);
        Assert.Equal("sample", spec.Corpus.Name);
        Assert.Equal([1, 2], spec.Seeds);
    }

    [Fact]
    public void Json_uses_camel_case_names()
    {
        var json = new ExperimentSpec().ToJson();
        Assert.Contains("\"lstmUnits\": 256", json);
        Assert.Contains("\"initChannels\": 8", json);
        Assert.Contains("\"classWeightedLoss\": true", json);
        Assert.Contains("\"root\": null", json);
        Assert.DoesNotContain("\"model\"", json); // the kind lives in network.kind only
    }

    [Fact]
    public void Misspelt_property_is_rejected_with_its_name_and_source()
    {
        var e = Assert.Throws<InvalidDataException>(() => ExperimentSpec.FromJson("""{ "network": { "head": { "lstmLayer": 2 } } }""", "my.json"));
        Assert.Contains("my.json", e.Message);
        Assert.Contains("lstmLayer", e.Message);
    }

    [Fact]
    public void Every_invalid_value_is_listed_with_its_path()
    {
        var e = Assert.Throws<InvalidDataException>(() => ExperimentSpec.FromJson(
            """{ "network": { "kind": "rnn", "head": { "lstmLayers": 4 } }, "features": { "kind": "wav" }, "split": "kfold:1", "seeds": [-5], "search": { "order": "third" }, "execution": { "device": "tpu" } }"""));
        foreach (var word in new[] { "network.kind 'rnn'", "network.head.lstmLayers must be 1..3", "wav", "kfold:1", "seeds must be non-negative", "third", "tpu" })
            Assert.Contains(word, e.Message);
    }

    [Fact]
    public void Load_names_a_missing_file()
    {
        var e = Assert.Throws<FileNotFoundException>(() => ExperimentSpec.Load("/nonexistent/spec.json"));
        Assert.Contains("/nonexistent/spec.json", e.Message);
    }

    [Fact]
    public void Save_then_load_gives_the_same_spec()
    {
        using var folder = new TempFolder();
        var spec = new ExperimentSpec { Name = "saved", Network = new NetworkSpec { Kind = NetworkKinds.Cnn }, Seeds = [3] };
        spec.Save(folder.File("spec.json"));
        Assert.Equal(spec, ExperimentSpec.Load(folder.File("spec.json")));
    }

    [Theory]
    [InlineData("large")]
    [InlineData("96x80")]
    public void Specs_with_an_unknown_grid_are_rejected(string grid)
    {
        var e = Assert.Throws<InvalidDataException>(() =>
            (new ExperimentSpec() with { Features = new FeatureSettings(Grid: grid) }).EnsureValid("t.json"));
        Assert.Contains($"features.grid '{grid}'", e.Message);
    }

    [Theory]
    [InlineData("kfold:2")]
    [InlineData("random")]
    public void Specs_with_an_unknown_split_protocol_are_rejected(string split)
    {
        var e = Assert.Throws<InvalidDataException>(() => (new ExperimentSpec() with { Split = split }).EnsureValid("t.json"));
        Assert.Contains($"split '{split}'", e.Message);
    }

    [Fact]
    public void Small_preset_resizes_but_keeps_what_an_ablation_compares()
    {
        var spec = new ExperimentSpec
        {
            Network = new NetworkSpec { Kind = NetworkKinds.CnnLstm, Cells = 8, Head = new HeadSpec { LstmLayers = 3, Pooling = HeadPooling.Mean } },
            Features = new FeatureSettings(Kind: FeatureSettings.LogMel),
        };
        var small = ExperimentPresets.Apply(spec, "small");

        Assert.Equal((64, 64), (small.Features.ToFeatureSpec().Rows, small.Features.ToFeatureSpec().Frames));
        Assert.Equal((4, 3, 64), (small.Network.InitChannels, small.Network.Nodes, small.Network.Head.LstmUnits));
        Assert.Equal((8, 8, 0.3, 2, 16, 20), (small.Search.BatchSize, small.Search.Epochs, small.Search.ArchLearningRate,
            small.Search.WarmupEpochs, small.Training.BatchSize, small.Training.Epochs));
        Assert.Equal(FeatureSettings.SpeakerNormalizationName, small.Features.Normalization);
        Assert.Equal([0], small.Folds!);
        Assert.Equal((NetworkKinds.CnnLstm, 8, 3, HeadPooling.Mean, FeatureSettings.LogMel),
            (small.Model, small.Network.Cells, small.Network.Head.LstmLayers, small.Network.Head.Pooling, small.Features.Kind));
        var back = ExperimentPresets.Apply(small, "paper");
        Assert.Equal((300, 256, 8, 4), (back.Training.Epochs, back.Network.Head.LstmUnits, back.Network.InitChannels, back.Network.Nodes));
        // Every number a preset owns comes back: paper(small(x)) == paper(x) for the default spec.
        Assert.Equal(ExperimentPresets.ApplyPaper(new ExperimentSpec()) with { Folds = [0] },
            ExperimentPresets.ApplyPaper(ExperimentPresets.ApplySmall(new ExperimentSpec())));
    }

    [Fact]
    public void Overrides_set_any_path_after_the_preset()
    {
        var overrides = new SpecOverrides(Set: [SpecOverrides.ParseAssignment("search.epochs=3"), SpecOverrides.ParseAssignment("network.kind=random"),
            SpecOverrides.ParseAssignment("network.head.denseUnits=[8,4]")]);
        var spec = SpecResolution.Resolve(new ExperimentSpec(), "small", overrides);
        Assert.Equal((3, NetworkKinds.Random), (spec.Search.Epochs, spec.Model));
        Assert.Equal([8, 4], spec.Network.Head.DenseUnits);
        var e = Assert.Throws<InvalidDataException>(() => SpecResolution.Resolve(new ExperimentSpec(), null,
            new SpecOverrides(Set: [SpecOverrides.ParseAssignment("network.head.lstmLayers=4")]), "--set"));
        Assert.Contains("network.head.lstmLayers must be 1..3", e.Message);
        Assert.Throws<FormatException>(() => SpecOverrides.ParseAssignment("search.epochs"));
        // A corpus override keeps the corpus subset a spec chose.
        var improvised = new ExperimentSpec { Corpus = new CorpusSpec("iemocap", "/x") { Dialogs = "improvised" } };
        Assert.Equal("improvised", new SpecOverrides(CorpusRoot: "/y").Apply(improvised).Corpus.Dialogs);
    }

    [Theory]
    [InlineData("0", new[] { 0 })]
    [InlineData("0,2-4", new[] { 0, 2, 3, 4 })]
    [InlineData(" 3 , 1 ", new[] { 3, 1 })]
    public void Index_lists_parse(string text, int[] expected) => Assert.Equal(expected, IndexList.Parse(text));

    [Theory]
    [InlineData("a")]
    [InlineData("4-2")]
    [InlineData("-1")]
    [InlineData(",")]
    public void Bad_index_lists_are_rejected(string text) => Assert.Throws<FormatException>(() => IndexList.Parse(text));
}
