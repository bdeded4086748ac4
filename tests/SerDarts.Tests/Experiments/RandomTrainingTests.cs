using System.Text.Json.Nodes;
using SerDarts.Experiments.Execution;
using SerDarts.Experiments.Specs;
using SerDarts.Features;
using SerDarts.Search;

namespace SerDarts.Tests.Experiments;

/// <summary>The random control's K draws of one trial: each its own cell, matched to the reference count, trained in its
/// own folder, and pooled so that the trial's UA and WA are the draws' means (one observation, not K units).</summary>
[Collection(Training.TorchSerialCollection.Name)] // builds and trains networks: not beside tests that change torch's state
public class RandomTrainingTests
{
    [Fact]
    public void Two_matched_draws_train_two_cells_and_the_trial_reports_their_mean()
    {
        using var folder = new TempFolder();
        var overrides = new SpecOverrides(CorpusName: "sample", Set: new[]
        {
            "network.kind=random", "network.random.draws=2", "network.random.matchParameters=true",
            "network.random.referenceParameters=40000", "training.epochs=1",
        }.Select(SpecOverrides.ParseAssignment).ToList());
        var trial = SpecResolution.Trial(new ExperimentSpec(), "smoke", overrides, fold: 0, seed: 0);
        using var data = TrialStages.Data(trial, new FeatureCache(folder.File("cache")));
        var dir = folder.File("train");
        var random = TrialStages.TrainRandom(trial, data, dir, folder.File("search"), resume: false);

        Assert.True(random.Completed);
        Assert.Equal(2, random.Draws.Count);
        Assert.NotEqual(random.Draws[0].Genotype.ToString(), random.Draws[1].Genotype.ToString());
        foreach (var (draw, result) in random.Draws.Zip(random.Results))
        {
            Assert.InRange(draw.Parameters, 36000, 44000); // within 10% of 40 000
            Assert.Equal(draw.Parameters, result.Parameters); // the trained model is the counted one
            Assert.True(File.Exists(Path.Combine(dir, $"draw-{draw.Draw}", "config.json")));
        }
        Assert.False(Directory.Exists(folder.File("search"))); // a given reference needs no search
        // Every draw scores the same clips, so the pooled confusion's UA and WA are the draws' means.
        Assert.Equal(random.Results.Average(r => r.Test!.UnweightedAccuracy), random.Test.UnweightedAccuracy, 12);
        Assert.Equal(random.Results.Average(r => r.Test!.WeightedAccuracy), random.Test.WeightedAccuracy, 12);
        Assert.Equal((random.Draws[0].Parameters + random.Draws[1].Parameters) / 2.0, random.Parameters, 0.5);
        var recorded = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "random-draws.json")))!.AsArray();
        Assert.Equal(random.Draws.Select(d => d.Parameters), recorded.Select(d => d!["parameters"]!.GetValue<long>()));
        Assert.All(recorded, d => Assert.Equal(40000, d!["reference"]!.GetValue<long>()));
    }
}
