using SerDarts.Audio;
using SerDarts.Features;
using static SerDarts.Tests.Features.FeatureFixtures;

namespace SerDarts.Tests.Features;

// Builds and benchmarks change torch's process-wide thread count while they run: keep them apart.
[Collection("torch threads")]
public class FeatureSetBuilderTests
{
    internal static TestCorpus Corpus() => new(
        ("u0", "angry", TestCorpus.Tone(200, 30000, 1)),
        ("u1", "neutral", TestCorpus.Tone(300, 70000, 2)),
        ("u2", "sad", TestCorpus.Tone(400, 12000, 3)),
        ("u3", "happy", TestCorpus.Tone(500, 40000, 4)));

    [Fact]
    public void Set_holds_each_utterance_grid_label_and_id_in_order()
    {
        using var corpus = Corpus();
        var spec = FeatureSpec.Small(FeatureKind.LogMel);
        using var set = FeatureSetBuilder.Build(corpus.Utterances, spec);
        Assert.Equal(new long[] { 4, 1, 64, 64 }, set.Inputs.shape);
        Assert.Equal(new long[] { 3, 0, 2, 1 }, set.Labels);
        Assert.Equal(new[] { "u0", "u1", "u2", "u3" }, set.Ids);
        using var grid = new FeatureGrid(spec);
        using var alone = grid.Compute([WavReader.Read(corpus.Utterances[1].Path).Samples]);
        Assert.True(set.Inputs[1].allclose(alone[0], rtol: 1e-5, atol: 1e-4));
    }

    [Fact]
    public void Second_build_reads_the_cache_and_matches_the_first()
    {
        using var corpus = Corpus();
        var spec = FeatureSpec.Small(FeatureKind.Mfcc);
        var cache = new FeatureCache(Path.Combine(corpus.Folder, "cache"));
        var reports = new List<int>();
        using var first = FeatureSetBuilder.Build(corpus.Utterances, spec, cache, new InlineProgress(reports.Add));
        Assert.Equal(4, reports[^1]);
        Assert.All(corpus.Utterances, u =>
            Assert.Equal(CacheStatus.Hit, cache.Lookup(u.Path, FeatureCache.HashAudio(u.Path), spec).Status));
        int loads = 0;
        using var second = FeatureSetBuilder.Build(corpus.Utterances, spec, cache,
            loadAudio: p => { loads++; return WavReader.Read(p); });
        Assert.Equal(0, loads); // nothing recomputed
        Assert.True(first.Inputs.equal(second.Inputs).all().item<bool>());
    }

    [Fact]
    public void Changed_audio_is_recomputed_on_the_next_build()
    {
        using var corpus = Corpus();
        var spec = FeatureSpec.Small(FeatureKind.Mfcc);
        var cache = new FeatureCache(Path.Combine(corpus.Folder, "cache"));
        using var before = FeatureSetBuilder.Build(corpus.Utterances, spec, cache);
        TestCorpus.WriteWav(corpus.Utterances[2].Path, TestCorpus.Tone(900, 12000, 9));
        var loaded = new List<string>();
        using var after = FeatureSetBuilder.Build(corpus.Utterances, spec, cache,
            loadAudio: p => { loaded.Add(Path.GetFileName(p)); return WavReader.Read(p); });
        Assert.Equal(["u2.wav"], loaded);
        Assert.False(before.Inputs[2].allclose(after.Inputs[2]));
        Assert.True(before.Inputs[0].equal(after.Inputs[0]).all().item<bool>());
    }

    [Fact]
    public void Parallel_workers_fill_the_same_set_report_in_order_and_restore_torch_threads()
    {
        using var corpus = Corpus();
        var spec = FeatureSpec.Small(FeatureKind.LogMel);
        int threads = TorchSharp.torch.get_num_threads();
        var reports = new System.Collections.Concurrent.ConcurrentQueue<int>();
        using var two = FeatureSetBuilder.Build(corpus.Utterances, spec, progress: new InlineProgress(reports.Enqueue), workers: 2);
        using var three = FeatureSetBuilder.Build(corpus.Utterances, spec, workers: 3);
        Assert.True(two.Inputs.equal(three.Inputs).all().item<bool>());
        Assert.Equal([1, 2, 3, 4], reports);
        Assert.Equal(threads, TorchSharp.torch.get_num_threads());
    }

    [Fact]
    public void Utterances_outside_the_four_classes_are_rejected_by_name()
    {
        using var corpus = new TestCorpus(("x1", "frustrated", TestCorpus.Tone(200, 8000, 1)));
        var e = Assert.Throws<ArgumentException>(() => FeatureSetBuilder.Build(corpus.Utterances, FeatureSpec.Small(FeatureKind.Mfcc)));
        Assert.Contains("x1", e.Message);
        Assert.Contains("frustrated", e.Message);
    }

    [Fact]
    public void Audio_at_another_sample_rate_is_rejected_with_the_file()
    {
        using var corpus = Corpus();
        var e = Assert.Throws<InvalidDataException>(() => FeatureSetBuilder.Build(corpus.Utterances,
            FeatureSpec.Small(FeatureKind.Mfcc), loadAudio: p => new AudioClip(new float[100], 8000)));
        Assert.Matches(@"utterance u\d: .*u\d\.wav is 8000 Hz", e.Message); // workers race: any utterance may fail first
    }

    [Fact]
    public void Select_keeps_rows_labels_and_ids_together()
    {
        using var corpus = Corpus();
        using var set = FeatureSetBuilder.Build(corpus.Utterances, FeatureSpec.Small(FeatureKind.Mfcc));
        using var picked = set.Select([3, 1]);
        Assert.Equal(new[] { "u3", "u1" }, picked.Ids);
        Assert.Equal(new long[] { 1, 0 }, picked.Labels);
        Assert.True(picked.Inputs[0].equal(set.Inputs[3]).all().item<bool>());
    }

    [Fact]
    public void Speech_wav_grid_from_the_builder_matches_torchaudio()
    {
        using var corpus = new TestCorpus(("s", "happy", Samples("speech.wav")));
        using var set = FeatureSetBuilder.Build(corpus.Utterances, FeatureSpec.Paper(FeatureKind.Mfcc));
        var error = RelativeError(FeatureGridTests.ToMatrix(set.Inputs[0, 0]), FeatureCsv.Read(Local("grid.speech.paper_mfcc.csv")));
        Assert.True(error <= 1e-4, $"relative error {error:E2}");
    }

    private sealed class InlineProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
