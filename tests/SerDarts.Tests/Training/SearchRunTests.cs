using SerDarts.Search;
using SerDarts.Training;

namespace SerDarts.Tests.Training;

[Collection(TorchSerialCollection.Name)]
public class SearchRunTests
{
    private static readonly TensorDataset Weights = TinySetups.Data(16, 16, seed: 1);
    private static readonly TensorDataset Architecture = TinySetups.Data(16, 16, seed: 2);
    private static readonly TensorDataset Validation = TinySetups.Data(8, 16, seed: 3);

    private static SearchResult Run(SearchConfig config, string dir, bool resume = false, RunControl? control = null) =>
        SearchRun.Execute(config, Weights, Architecture, Validation, dir, resume, null, control);

    private static void AssertSameFiles(string a, string b)
    {
        foreach (var file in new[] { "genotype.json", "metrics.json" })
            Assert.Equal(File.ReadAllBytes(Path.Combine(a, file)), File.ReadAllBytes(Path.Combine(b, file)));
    }

    [Theory]
    [InlineData(SearchOrder.First)]
    [InlineData(SearchOrder.Second)]
    public void Same_seed_gives_byte_identical_genotype_and_metrics(SearchOrder order)
    {
        var config = TinySetups.Search with { Order = order, Epochs = 2 };
        var a = Run(config, TinySetups.TempFolder("search-a"));
        var b = Run(config, TinySetups.TempFolder("search-b"));
        AssertSameFiles(a.RunDirectory, b.RunDirectory);
        Assert.True(a.Completed);
        Assert.Equal(2, a.History.Count);
        Assert.Equal(a.Genotype, GenotypeFormat.Load(Path.Combine(a.RunDirectory, "genotype.json")), new GenotypeComparer());
        Assert.DoesNotContain("seconds", File.ReadAllText(Path.Combine(a.RunDirectory, "metrics.json")), StringComparison.OrdinalIgnoreCase);
        var other = Run(config with { Seed = 99 }, TinySetups.TempFolder("search-c"));
        Assert.NotEqual(File.ReadAllBytes(Path.Combine(a.RunDirectory, "metrics.json")),
            File.ReadAllBytes(Path.Combine(other.RunDirectory, "metrics.json")));
    }

    [Fact]
    public void A_stopped_and_resumed_search_ends_like_an_uninterrupted_one()
    {
        var config = TinySetups.Search with { Order = SearchOrder.Second, PartialChannels = 2 };
        var whole = Run(config, TinySetups.TempFolder("search-whole"));

        var dir = TinySetups.TempFolder("search-resumed");
        var first = Run(config, dir, control: new RunControl(StopAfterEpochs: 1));
        Assert.False(first.Completed);
        Assert.False(File.Exists(Path.Combine(dir, "metrics.json")));
        Assert.Throws<InvalidOperationException>(() => Run(config, dir)); // no silent restart over a run
        var resumed = Run(config with { Epochs = 50 }, dir, resume: true); // stored config wins on resume

        Assert.True(resumed.Completed);
        Assert.Equal(3, resumed.History.Count);
        AssertSameFiles(whole.RunDirectory, dir);
        Assert.Contains("resumed after epoch 1", File.ReadAllText(Path.Combine(dir, "log.txt")));
    }

    [Fact]
    public void Epoch_records_carry_weights_skip_count_and_genotype()
    {
        var records = new List<SearchEpochRecord>();
        var result = SearchRun.Execute(TinySetups.Search with { Epochs = 1 }, Weights, Architecture, Validation,
            TinySetups.TempFolder("search-records"), false, new Inline<SearchEpochRecord>(records.Add));
        var r = Assert.Single(records);
        Assert.Equal(1, r.Epoch);
        Assert.Equal(SerDarts.Search.Operations.Primitives.Darts, r.Operations);
        Assert.Equal(5, r.NormalWeights.Length); // 2 nodes: 2 + 3 edges
        Assert.All(r.NormalWeights, row => Assert.Equal(1.0, row.Sum(), 6));
        Assert.Equal(GenotypeDerivation.SkipCount(r.Genotype.Normal), r.NormalSkipCount);
        Assert.Equal(GenotypeFormat.ToReadableString(result.Genotype), GenotypeFormat.ToReadableString(r.Genotype));
        Assert.InRange(r.ValidationUnweightedAccuracy, 0, 1);
    }

    [Fact]
    public void The_skip_guard_stops_past_the_limit_and_keeps_the_last_genotype_within_it()
    {
        var config = TinySetups.Search with { MaxNormalSkips = 2 };
        var within = TinySetups.Genotype;
        var collapsed = within with { Normal = [[new("skip_connect", 0), new("skip_connect", 1)], [new("skip_connect", 2), new("max_pool_3x3", 0)]] };
        SearchEpochRecord Record(int epoch, Genotype g) =>
            new(epoch, 1, 1, 0.25, [], [], [], GenotypeDerivation.SkipCount(g.Normal), g, 0);
        SearchEpochMetrics Metrics(int epoch) => new(epoch, 0.1, 1, 0.25, 1, 0.25, 0, "", [], []);
        var state = new SearchCheckpointHeader(0, false, null, null, [], [], null);

        state = SearchRun.Advance(config, state, Record(1, within), Metrics(1), null!);
        Assert.False(state.StoppedEarly);
        Assert.Same(within, state.AcceptedGenotype);
        state = SearchRun.Advance(config, state, Record(2, collapsed), Metrics(2), null!); // 3 skips > 2

        Assert.True(state.StoppedEarly);
        Assert.Same(within, state.AcceptedGenotype);
        Assert.Equal(2, state.EpochsDone);
        Assert.Contains("3 skip connections (limit 2)", state.StopReason);
        var unguarded = SearchRun.Advance(config with { MaxNormalSkips = null }, new SearchCheckpointHeader(0, false, null, null, [], [], null),
            Record(1, collapsed), Metrics(1), null!);
        Assert.False(unguarded.StoppedEarly);
    }

    private sealed class Inline<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }

    private sealed class GenotypeComparer : IEqualityComparer<Genotype>
    {
        public bool Equals(Genotype? a, Genotype? b) =>
            GenotypeFormat.ToReadableString(a!) == GenotypeFormat.ToReadableString(b!);
        public int GetHashCode(Genotype g) => 0;
    }
}
