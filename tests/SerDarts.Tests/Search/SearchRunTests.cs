using SerDarts.Features;
using SerDarts.Networks;
using SerDarts.Runs;
using SerDarts.Search;
using SerDarts.Tests.Training;

namespace SerDarts.Tests.Search;

[Collection(TorchSerialCollection.Name)]
public class SearchRunTests
{
    private static readonly FeatureSet Weights = TinySetups.Data(16, 16, seed: 1);
    private static readonly FeatureSet Architecture = TinySetups.Data(16, 16, seed: 2);
    private static readonly FeatureSet Validation = TinySetups.Data(8, 16, seed: 3);

    private static SearchResult Run(SearchRunConfig config, string dir, bool resume = false, RunControl? control = null) =>
        SearchRun.Execute(config, TinySetups.Cpu, Weights, Architecture, Validation, dir, resume, null, control);

    private static void AssertSameFiles(string a, string b)
    {
        foreach (var file in new[] { "genotype.json", "metrics.json" })
            Assert.Equal(File.ReadAllBytes(Path.Combine(a, file)), File.ReadAllBytes(Path.Combine(b, file)));
    }

    [Theory]
    [InlineData("first")]
    [InlineData("second")]
    public void Same_seed_gives_byte_identical_genotype_and_metrics(string order)
    {
        var config = TinySetups.SearchRun(TinySetups.Search with { Order = order, Epochs = 2 });
        var a = Run(config, TinySetups.TempFolder("search-a"));
        var b = Run(config, TinySetups.TempFolder("search-b"));
        AssertSameFiles(a.RunDirectory, b.RunDirectory);
        Assert.True(a.Completed);
        Assert.Equal(2, a.History.Count);
        Assert.Equal(a.Genotype, GenotypeFormat.Load(Path.Combine(a.RunDirectory, "genotype.json")));
        Assert.DoesNotContain("seconds", File.ReadAllText(Path.Combine(a.RunDirectory, "metrics.json")), StringComparison.OrdinalIgnoreCase);
        var other = Run(config with { Seed = 99 }, TinySetups.TempFolder("search-c"));
        Assert.NotEqual(File.ReadAllBytes(Path.Combine(a.RunDirectory, "metrics.json")),
            File.ReadAllBytes(Path.Combine(other.RunDirectory, "metrics.json")));
    }

    [Fact]
    public void A_stopped_and_resumed_search_ends_like_an_uninterrupted_one()
    {
        var config = TinySetups.SearchRun(TinySetups.Search with { Order = "second", PartialChannels = 2 });
        var whole = Run(config, TinySetups.TempFolder("search-whole"));

        var dir = TinySetups.TempFolder("search-resumed");
        var first = Run(config, dir, control: new RunControl(StopAfterEpochs: 1));
        Assert.False(first.Completed);
        Assert.False(File.Exists(Path.Combine(dir, "metrics.json")));
        Assert.Throws<InvalidOperationException>(() => Run(config, dir)); // no silent restart over a run
        var resumed = Run(config with { Search = config.Search with { Epochs = 50 } }, dir, resume: true); // stored config wins on resume

        Assert.True(resumed.Completed);
        Assert.Equal(3, resumed.History.Count);
        AssertSameFiles(whole.RunDirectory, dir);
        Assert.Contains("resumed after epoch 1", File.ReadAllText(Path.Combine(dir, "log.txt")));
    }

    [Fact]
    public void A_cancelled_search_stops_within_the_epoch_and_resumes_to_the_same_result()
    {
        var config = TinySetups.SearchRun(TinySetups.Search with { Epochs = 2 });
        var whole = Run(config, TinySetups.TempFolder("search-whole-2"));
        var dir = TinySetups.TempFolder("search-cancelled");
        using var cancel = new CancellationTokenSource();
        var progress = new Inline<SearchEpochRecord>(_ => cancel.Cancel()); // cancel as soon as epoch 1 is stored
        var stopped = SearchRun.Execute(config, TinySetups.Cpu, Weights, Architecture, Validation, dir, false, progress,
            new RunControl(Cancellation: cancel.Token));
        Assert.False(stopped.Completed);
        Assert.Single(stopped.History);
        var resumed = Run(config, dir, resume: true);
        AssertSameFiles(whole.RunDirectory, dir);
        Assert.Equal(2, resumed.History.Count);
    }

    [Fact]
    public void Epoch_records_carry_weights_diagnostics_and_genotype()
    {
        var records = new List<SearchEpochRecord>();
        var result = SearchRun.Execute(TinySetups.SearchRun(TinySetups.Search with { Epochs = 1 }), TinySetups.Cpu, Weights, Architecture,
            Validation, TinySetups.TempFolder("search-records"), false, new Inline<SearchEpochRecord>(records.Add));
        var r = Assert.Single(records);
        Assert.Equal(1, r.Epoch);
        Assert.Equal(SearchSpace.Darts.Operations, r.Operations);
        Assert.Equal(5, r.NormalWeights.Length); // 2 nodes: 2 + 3 edges
        Assert.All(r.NormalWeights, row => Assert.Equal(1.0, row.Sum(), 6));
        Assert.Equal(GenotypeDerivation.SkipCount(r.Genotype.Normal), r.NormalSkipCount);
        Assert.Equal(ArchitectureDiagnostics.MeanNormalisedEntropy(r.NormalWeights), r.NormalEntropy);
        Assert.InRange(r.GenotypeChanges, 0, 8);
        Assert.Equal(result.Genotype, r.Genotype);
        Assert.InRange(r.ValidationUnweightedAccuracy, 0, 1);
        Assert.InRange(r.TrainUnweightedAccuracy, 0, 1);
    }

    [Fact]
    public void Warm_up_epochs_leave_the_architecture_where_it_started()
    {
        var records = new List<SearchEpochRecord>();
        SearchRun.Execute(TinySetups.SearchRun(TinySetups.Search with { Epochs = 2, WarmupEpochs = 1 }), TinySetups.Cpu, Weights,
            Architecture, Validation, TinySetups.TempFolder("search-warmup"), false, new Inline<SearchEpochRecord>(records.Add));
        Assert.False(records[0].ArchitectureUpdated);
        Assert.True(records[1].ArchitectureUpdated);
        Assert.Equal(0, records[0].GenotypeChanges); // the alphas were not touched, so neither was the genotype
        Assert.True(records[0].NormalEntropy > 0.9999, $"entropy {records[0].NormalEntropy} after a warm-up epoch");
    }

    /// <summary>
    /// The search must search: on a separable task with a learning rate sized for a few dozen architecture steps,
    /// the normal cell's entropy falls below the "did not move" threshold and the supernet beats chance. With the
    /// architecture never updated (all epochs warm-up, the control below) the entropy stays at its start.
    /// </summary>
    [Fact]
    public void On_a_separable_task_the_architecture_moves_and_the_supernet_beats_chance()
    {
        var weights = TinySetups.Data(64, 16, seed: 31);
        var architecture = TinySetups.Data(64, 16, seed: 32);
        var validation = TinySetups.Data(32, 16, seed: 33);
        var search = TinySetups.Search with { Epochs = 6, BatchSize = 8, ArchLearningRate = 0.3, LearningRate = 0.05 };
        SearchResult Search(SearchSettings s) => SearchRun.Execute(TinySetups.SearchRun(s), TinySetups.Cpu, weights, architecture,
            validation, TinySetups.TempFolder("search-learns"), false);

        var result = Search(search);
        var entropies = result.History.Select(r => r.NormalEntropy).ToList();
        Assert.True(entropies[^1] < ArchitectureDiagnostics.FlatEntropy, $"normal entropy per epoch: {string.Join(", ", entropies)}");
        Assert.True(entropies[^1] < entropies[0], $"normal entropy per epoch: {string.Join(", ", entropies)}");
        Assert.True(result.History[^1].ValidationUnweightedAccuracy > 0.4, $"supernet validation UA {result.History[^1].ValidationUnweightedAccuracy}");
        Assert.Empty(result.Warnings);

        var frozen = Search(search with { WarmupEpochs = search.Epochs - 1, Epochs = search.Epochs }); // only the last epoch moves alphas
        Assert.True(frozen.History[0].NormalEntropy > 0.9999);
    }

    [Fact]
    public void A_search_whose_alphas_barely_move_ends_with_the_flat_warning()
    {
        var result = Run(TinySetups.SearchRun(TinySetups.Search with { Epochs = 1, ArchLearningRate = 1e-6 }), TinySetups.TempFolder("search-flat"));
        var warning = Assert.Single(result.Warnings);
        Assert.Contains("did not move", warning);
        Assert.Contains("did not move", File.ReadAllText(Path.Combine(result.RunDirectory, "log.txt")));
        Assert.Contains("did not move", File.ReadAllText(Path.Combine(result.RunDirectory, "metrics.json")));
    }

    [Fact]
    public void The_skip_guard_stops_past_the_limit_and_keeps_the_last_genotype_within_it()
    {
        var search = TinySetups.Search with { MaxNormalSkips = 2 };
        var within = TinySetups.Genotype;
        var collapsed = within with { Normal = [[new("skip_connect", 0), new("skip_connect", 1)], [new("skip_connect", 2), new("max_pool_3x3", 0)]] };
        SearchEpochRecord Record(int epoch, Genotype g) =>
            new(epoch, 0.1, true, 1, 0.25, 1, 0.25, 1, 1, 0, GenotypeDerivation.SkipCount(g.Normal), [], [], [], g, 0);
        var start = new SearchCheckpointHeader(0, false, null, null, within, [], null);

        var state = SearchRun.Advance(search, start, Record(1, within), null!);
        Assert.False(state.StoppedEarly);
        Assert.Same(within, state.AcceptedGenotype);
        state = SearchRun.Advance(search, state, Record(2, collapsed), null!); // 3 skips > 2

        Assert.True(state.StoppedEarly);
        Assert.Same(within, state.AcceptedGenotype);
        Assert.Equal(2, state.EpochsDone);
        Assert.Contains("3 skip connections (limit 2)", state.StopReason);
        var unguarded = SearchRun.Advance(search with { MaxNormalSkips = null }, start, Record(1, collapsed), null!);
        Assert.False(unguarded.StoppedEarly);
    }

    private sealed class Inline<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
