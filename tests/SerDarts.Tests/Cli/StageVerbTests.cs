using System.Text.Json.Nodes;
using SerDarts.Cli;
using SerDarts.Experiments.Specs;
using SerDarts.Tests.Experiments;
using SerDarts.Tests.Training;

namespace SerDarts.Tests.Cli;

/// <summary>
/// One configuration, whatever the entry point: the stage verbs (search, train) resolve exactly the trial that
/// <c>serdarts run</c> executes for the same spec, preset, corpus, fold and seed, and compute the same thing.
/// </summary>
public class StageVerbTests
{
    private static (int Code, string Output) Cli(params string[] args)
    {
        var output = new StringWriter();
        var code = CliApp.Build().Parse(args).Invoke(new System.CommandLine.InvocationConfiguration { Output = output, Error = output });
        return (code, output.ToString());
    }

    private static JsonObject Resolved(string json, bool array = false)
    {
        var node = JsonNode.Parse(json)!;
        var trial = (array ? node.AsArray().Single()! : node).AsObject();
        trial["spec"]!.AsObject().Remove("name"); // a label: not part of what the trial computes
        return trial;
    }

    [Theory]
    [InlineData("paper")]
    [InlineData("small")]
    [InlineData("smoke")]
    public void Search_and_train_resolve_number_for_number_the_trial_that_run_resolves(string preset)
    {
        using var folder = new TempFolder();
        var specFile = folder.File("darts.json");
        new ExperimentSpec { Name = "darts-cnn-lstm" }.Save(specFile);
        var stage = new[] { "--dataset", "sample", "--fold", "0", "--preset", preset, "--seed", "0", "--print-config" };

        var (runCode, runOut) = Cli(["run", "--spec", specFile, "--preset", preset, "--folds", "0", "--seeds", "0", "--print-config"]);
        var (searchCode, searchOut) = Cli(["search", .. stage]);
        var (trainCode, trainOut) = Cli(["train", "--genotype", folder.File("genotype.json"), .. stage]);

        Assert.Equal((0, 0, 0), (runCode, searchCode, trainCode));
        var run = Resolved(runOut, array: true);
        Assert.True(JsonNode.DeepEquals(run, Resolved(searchOut)), $"run:\n{run}\nsearch:\n{searchOut}");
        Assert.True(JsonNode.DeepEquals(run, Resolved(trainOut)), $"run:\n{run}\ntrain:\n{trainOut}");
        // Every number is explicit, and the preset's sizes are there.
        var expected = ExperimentPresets.Apply(new ExperimentSpec(), preset);
        Assert.Equal(expected.Search.Epochs, run["spec"]!["search"]!["epochs"]!.GetValue<int>());
        Assert.Equal(expected.Network.Head.LstmUnits, run["spec"]!["network"]!["head"]!["lstmUnits"]!.GetValue<int>());
    }

    [Fact]
    public void Stage_flags_are_spec_overrides_and_the_stored_trial_names_them()
    {
        var (code, output) = Cli("search", "--dataset", "sample", "--preset", "small", "--epochs", "3", "--set", "network.head.pooling=attention",
            "--seed", "4", "--fold", "1", "--print-config");
        Assert.Equal(0, code);
        var trial = JsonNode.Parse(output)!;
        Assert.Equal((3, "attention", 4, 1), (trial["spec"]!["search"]!["epochs"]!.GetValue<int>(),
            trial["spec"]!["network"]!["head"]!["pooling"]!.GetValue<string>(), trial["seed"]!.GetValue<int>(), trial["fold"]!.GetValue<int>()));
        Assert.Equal(SpecHash.Version, trial["schema"]!.GetValue<string>());
    }

    [Fact]
    public void An_invalid_head_is_rejected_before_any_feature_is_cached()
    {
        using var folder = new TempFolder();
        var cache = folder.File("cache");
        var spec = folder.File("bad.json");
        File.WriteAllText(spec, """{ "name": "deep", "network": { "head": { "lstmLayers": 4 } } }""");
        foreach (var args in new[]
                 {
                     new[] { "run", "--spec", spec, "--preset", "smoke", "--runs", folder.File("runs") },
                     new[] { "search", "--dataset", "sample", "--preset", "smoke", "--set", "network.head.lstmLayers=4", "--out", folder.File("s") },
                 })
        {
            using var child = ChildProcess.Start("cli", ("CLI_ARGS", System.Text.Json.JsonSerializer.Serialize(args)), ("SERDARTS_CACHE", cache));
            var code = child.WaitForExit(TimeSpan.FromMinutes(3));
            Assert.True(code == 2, $"exit {code}: {child.Output}");
            Assert.Contains("network.head.lstmLayers must be 1..3", child.Output);
            Assert.False(Directory.Exists(Path.Combine(cache, "features")) && Directory.EnumerateFileSystemEntries(Path.Combine(cache, "features")).Any(),
                "a feature was cached before the spec was validated");
        }
    }
}

/// <summary>The stage verbs compute what the trial computes: same fold, halves, normalisation, seeds, bytes.</summary>
[Collection(TorchSerialCollection.Name)]
public class StageVerbRunTests
{
    [Fact]
    public void The_search_verb_and_the_trial_of_serdarts_run_write_byte_identical_genotypes()
    {
        using var folder = new TempFolder();
        var specFile = folder.File("darts.json");
        new ExperimentSpec { Name = "darts-cnn-lstm" }.Save(specFile);
        var search = folder.File("search");
        var runs = folder.File("runs");
        var verb = CliApp.Build().Parse(["search", "--dataset", "sample", "--fold", "0", "--preset", "smoke", "--seed", "0", "--out", search]).Invoke();
        var run = CliApp.Build().Parse(["run", "--spec", specFile, "--preset", "smoke", "--folds", "0", "--seeds", "0", "--runs", runs]).Invoke();
        Assert.Equal((0, 0), (verb, run));

        var trialGenotype = Directory.GetFiles(Path.Combine(runs, "trials"), "genotype.json", SearchOption.AllDirectories).Single();
        Assert.Equal(File.ReadAllBytes(Path.Combine(search, "genotype.json")), File.ReadAllBytes(trialGenotype));
        Assert.Equal(File.ReadAllBytes(Path.Combine(search, "metrics.json")), File.ReadAllBytes(Path.Combine(Path.GetDirectoryName(trialGenotype)!, "metrics.json")));
    }
}
