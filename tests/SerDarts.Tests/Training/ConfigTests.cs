using SerDarts.Networks;
using SerDarts.Runs;
using SerDarts.Search;
using SerDarts.Training;

namespace SerDarts.Tests.Training;

public class ConfigTests
{
    [Fact]
    public void Defaults_hold_the_papers_numbers()
    {
        var n = new NetworkSpec();
        Assert.Equal((8, 4, 4, 3), (n.InitChannels, n.Cells, n.Nodes, n.StemMultiplier));
        Assert.Equal((256, 1, HeadPooling.Last), (n.Head.LstmUnits, n.Head.LstmLayers, n.Head.Pooling));
        var s = new SearchSettings();
        Assert.Equal((0.025, 0.001, 0.9, 3e-4, 5.0), (s.LearningRate, s.LearningRateMin, s.Momentum, s.WeightDecay, s.GradientClip));
        Assert.Equal((3e-4, 0.5, 0.999, 1e-3), (s.ArchLearningRate, s.ArchBeta1, s.ArchBeta2, s.ArchWeightDecay));
        Assert.Equal((1, 50, 0), (s.PartialChannels, s.Epochs, s.WarmupEpochs)); // PC-DARTS and warm-up off by default
        var t = new TrainingSettings();
        Assert.Equal((300, 0.025, 0.9, 3e-4, 5.0), (t.Epochs, t.LearningRate, t.Momentum, t.WeightDecay, t.GradientClip));
    }

    [Fact]
    public void Run_configs_round_trip_through_json_with_their_schema()
    {
        var search = TinySetups.SearchRun(TinySetups.Search with { Order = "second", MaxNormalSkips = 2 });
        var json = search.ToJson();
        Assert.Contains("\"schema\": 2", json);
        Assert.Contains("\"order\": \"second\"", json);
        Assert.Equal(json, SearchRunConfig.FromJson(json, "x").ToJson());
        var train = TinySetups.TrainRun(TinySetups.Network with { Head = TinySetups.Network.Head with { LstmLayers = 2 } });
        var text = train.ToJson();
        Assert.Contains("\"kind\": \"darts\"", text);
        Assert.Equal(text, TrainRunConfig.FromJson(text, "x").ToJson());
    }

    [Fact]
    public void Invalid_settings_are_rejected_with_their_path()
    {
        Assert.Contains("network.head.lstmLayers must be 1..3", Assert.Throws<ArgumentException>(() =>
            (new NetworkSpec { Head = new HeadSpec { LstmLayers = 4 } }).Validate()).Message);
        Assert.Contains("network.head.pooling", Assert.Throws<ArgumentException>(() =>
            (new NetworkSpec { Head = new HeadSpec { Pooling = "max" } }).Validate()).Message);
        Assert.Contains("search.warmupEpochs", Assert.Throws<ArgumentException>(() =>
            (new SearchSettings { Epochs = 2, WarmupEpochs = 2 }).Validate()).Message);
        Assert.Contains("training.dropPath", Assert.Throws<ArgumentException>(() => (new TrainingSettings { DropPath = 1 }).Validate()).Message);
        var e = Assert.Throws<InvalidDataException>(() => SearchRunConfig.FromJson("{ nope", "/x/config.json"));
        Assert.Contains("/x/config.json", e.Message);
    }

    [Fact]
    public void A_run_directory_of_another_schema_is_refused_naming_the_versions()
    {
        var folder = TinySetups.TempFolder("schema");
        File.WriteAllText(Path.Combine(folder, "config.json"), "{\"initChannels\": 8}");
        var e = Assert.Throws<InvalidDataException>(() => RunConfigs.CheckSchema(File.ReadAllText(Path.Combine(folder, "config.json")),
            Path.Combine(folder, "config.json")));
        Assert.Contains("schema 1", e.Message);
        Assert.Contains("reads schema 2", e.Message);
    }
}
