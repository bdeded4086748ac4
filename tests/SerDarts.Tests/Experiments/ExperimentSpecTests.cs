using SerDarts.Experiments;

namespace SerDarts.Tests.Experiments;

public class ExperimentSpecTests
{
    [Fact]
    public void Default_spec_follows_the_paper()
    {
        var spec = new ExperimentSpec();
        Assert.Equal(ModelKinds.Darts, spec.Model);
        Assert.Equal(4, spec.Search.Cells);
        Assert.Equal(256, spec.Training.LstmUnits);
        Assert.Equal(1, spec.Training.LstmLayers);
        Assert.Equal(FeatureSettings.Mfcc, spec.Features.Kind);
        Assert.Equal((128, 128), spec.Features.GridSize());
        Assert.Equal(300, spec.Training.Epochs);
        Assert.Equal(0.9, spec.Training.Momentum);
        Assert.Equal("loso", spec.Split);
        Assert.Null(spec.Folds);
        Assert.Equal([0], spec.Seeds);
    }

    [Fact]
    public void Spec_with_every_field_changed_round_trips_through_json()
    {
        var spec = new ExperimentSpec
        {
            Name = "custom",
            Corpus = new CorpusSpec("iemocap", "/data/IEMOCAP_full_release"),
            Split = "kfold:5",
            Features = new FeatureSettings("paper", FeatureSettings.LogMel, "small"),
            Model = ModelKinds.CnnLstm,
            Search = new SearchSettings(8, 3, 16, 7, 12, "second", 0.7, 0.05, 6e-4),
            Training = new TrainingSettings(11, 24, 0.01, 0.8, 1e-4, 3, 128, false, 0.1, true, 0.5, 2.5),
            Folds = [1, 3],
            Seeds = [7, 11],
            Device = "cuda:1",
        };

        var back = ExperimentSpec.FromJson(spec.ToJson());

        Assert.Equal("custom", back.Name);
        Assert.Equal(new CorpusSpec("iemocap", "/data/IEMOCAP_full_release"), back.Corpus);
        Assert.Equal("kfold:5", back.Split);
        Assert.Equal(new FeatureSettings("paper", "logmel", "small"), back.Features);
        Assert.Equal("cnn-lstm", back.Model);
        Assert.Equal(new SearchSettings(8, 3, 16, 7, 12, "second", 0.7, 0.05, 6e-4), back.Search);
        Assert.Equal(new TrainingSettings(11, 24, 0.01, 0.8, 1e-4, 3, 128, false, 0.1, true, 0.5, 2.5), back.Training);
        Assert.Equal([1, 3], back.Folds!);
        Assert.Equal([7, 11], back.Seeds);
        Assert.Equal("cuda:1", back.Device);
        Assert.Equal(spec, back);
        Assert.Equal(spec.Hash(), back.Hash());
    }

    [Fact]
    public void Partial_json_takes_the_defaults_for_missing_fields()
    {
        var spec = ExperimentSpec.FromJson("""{ "model": "cnn", "training": { "epochs": 5 }, "seeds": [1, 2] }""");

        Assert.Equal("cnn", spec.Model);
        Assert.Equal(5, spec.Training.Epochs);
        Assert.Equal(256, spec.Training.LstmUnits);
        Assert.Equal(0.025, spec.Training.LearningRate);
        Assert.Equal(4, spec.Search.Cells);
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
    }

    [Fact]
    public void Misspelt_property_is_rejected_with_its_name_and_source()
    {
        var e = Assert.Throws<InvalidDataException>(() => ExperimentSpec.FromJson("""{ "training": { "lstmLayer": 2 } }""", "my.json"));
        Assert.Contains("my.json", e.Message);
        Assert.Contains("lstmLayer", e.Message);
    }

    [Fact]
    public void Every_invalid_value_is_listed()
    {
        var e = Assert.Throws<InvalidDataException>(() => ExperimentSpec.FromJson(
            """{ "model": "rnn", "features": { "kind": "wav" }, "split": "kfold:1", "seeds": [], "search": { "order": "third" }, "device": "tpu" }"""));
        foreach (var word in new[] { "rnn", "wav", "kfold:1", "seeds", "third", "tpu" }) Assert.Contains(word, e.Message);
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
        var spec = new ExperimentSpec { Name = "saved", Model = ModelKinds.Cnn, Seeds = [3] };
        spec.Save(folder.File("spec.json"));
        Assert.Equal(spec, ExperimentSpec.Load(folder.File("spec.json")));
    }

    [Theory]
    [InlineData("paper", "mfcc", 128, 128)]
    [InlineData("small", "mfcc", 64, 64)]
    [InlineData("small", "logmel", 64, 64)]
    public void Grid_names_give_their_sizes(string grid, string kind, int rows, int cols) =>
        Assert.Equal((rows, cols), new FeatureSettings("paper", kind, grid).GridSize());

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
        var spec = new ExperimentSpec { Model = ModelKinds.CnnLstm, Search = new SearchSettings(Cells: 8), Training = new TrainingSettings(LstmLayers: 3),
            Features = new FeatureSettings(Kind: FeatureSettings.LogMel) };
        var small = ExperimentPresets.Apply(spec, "small");

        Assert.Equal((64, 64), small.Features.GridSize());
        Assert.Equal((6, 4, 3), (small.Search.Epochs, small.Search.InitChannels, small.Search.Nodes));
        Assert.Equal((20, 64), (small.Training.Epochs, small.Training.LstmUnits));
        Assert.Equal([0], small.Folds!);
        Assert.Equal((ModelKinds.CnnLstm, 8, 3, FeatureSettings.LogMel), (small.Model, small.Search.Cells, small.Training.LstmLayers, small.Features.Kind));
        var back = ExperimentPresets.Apply(small, "paper");
        Assert.Equal((300, 256, 8, 4), (back.Training.Epochs, back.Training.LstmUnits, back.Search.InitChannels, back.Search.Nodes));
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
