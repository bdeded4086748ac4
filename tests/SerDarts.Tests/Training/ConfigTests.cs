using SerDarts.Models;
using SerDarts.Search;
using SerDarts.Training;

namespace SerDarts.Tests.Training;

public class ConfigTests
{
    [Fact]
    public void Paper_presets_hold_the_papers_numbers()
    {
        var s = SearchConfig.Paper;
        Assert.Equal((8, 4, 4, 3), (s.InitChannels, s.Cells, s.Nodes, s.StemMultiplier));
        Assert.Equal(256, s.Head.LstmUnits);
        Assert.Equal((0.025, 0.001, 0.9, 3e-4, 5.0), (s.WeightLr, s.WeightLrMin, s.WeightMomentum, s.WeightDecay, s.GradientClip));
        Assert.Equal((3e-4, 0.5, 0.999, 1e-3), (s.AlphaLr, s.AlphaBeta1, s.AlphaBeta2, s.AlphaWeightDecay));
        Assert.Equal(1, s.PartialChannels); // PC-DARTS off by default
        var t = TrainConfig.Paper;
        Assert.Equal((8, 4, 300), (t.InitChannels, t.Cells, t.Epochs));
        Assert.Equal((0.025, 0.9, 3e-4, 5.0), (t.Lr, t.Momentum, t.WeightDecay, t.GradientClip));
        Assert.Equal(256, t.Head.LstmUnits);
    }

    [Fact]
    public void Configs_round_trip_through_json()
    {
        foreach (var c in new[] { SearchConfig.Paper, SearchConfig.Small, TinySetups.Search with { Order = SearchOrder.Second, MaxNormalSkips = 2 } })
        {
            var json = c.ToJson();
            Assert.Equal(json, SearchConfig.FromJson(json).ToJson());
        }
        foreach (var c in new[] { TrainConfig.Paper, TrainConfig.Small, TinySetups.Train })
        {
            var json = c.ToJson();
            Assert.Equal(json, TrainConfig.FromJson(json).ToJson());
        }
        var run = new TrainRunConfig(ModelSpec.Darts(TinySetups.Genotype, 2), TinySetups.Train);
        var text = run.ToJson();
        Assert.Contains("\"kind\": \"darts\"", text);
        Assert.Contains("\"order\"", SearchConfig.Paper.ToJson());
        Assert.Equal(text, TrainRunConfig.FromJson(text, "x").ToJson());
    }

    [Fact]
    public void Invalid_settings_are_rejected_with_a_reason()
    {
        Assert.Contains("dropout", Assert.Throws<ArgumentException>(() =>
            (SearchConfig.Paper with { Head = SearchConfig.Paper.Head with { Dropout = 0.2 } }).Validate()).Message);
        Assert.Contains("partial channels", Assert.Throws<ArgumentException>(() =>
            (SearchConfig.Paper with { PartialChannels = 3 }).Validate()).Message);
        Assert.Contains("LSTM layers", Assert.Throws<ArgumentException>(() =>
            (TrainConfig.Paper with { Head = TrainConfig.Paper.Head with { LstmLayers = 4 } }).Validate()).Message);
        var e = Assert.Throws<InvalidDataException>(() => SearchConfig.FromJson("{ nope", "/x/config.json"));
        Assert.Contains("/x/config.json", e.Message);
        Assert.Throws<ArgumentException>(() => SearchConfig.Preset("huge"));
    }
}
