using SerDarts.Audio;
using SerDarts.Features;
using SerDarts.Runtime;

namespace SerDarts.Tests.Features;

// Builds change torch's process-wide thread count while they run: keep them apart.
[Collection("torch threads")]
public class AugmentedFeatureSetBuilderTests
{
    private static readonly FeatureSpec Spec = FeatureSpec.Small(FeatureKind.Mfcc);

    private static readonly AugmentationSettings Augmentation = new(
        SpeedFactors: [0.9], NoiseSnrDb: [10], PitchSemitones: [2], Seed: 1);

    private static TestCorpus Corpus() => new(
        ("u0", "angry", TestCorpus.Tone(200, 30000, 1)),
        ("u1", "neutral", TestCorpus.Tone(300, 20000, 2)),
        ("u2", "sad", TestCorpus.Tone(400, 12000, 3)));

    private static int[] Bits(FeatureSet set) => set.Inputs.data<float>().ToArray().Select(BitConverter.SingleToInt32Bits).ToArray();

    [Fact]
    public void Originals_come_first_then_one_copy_per_clip_and_transform()
    {
        using var corpus = Corpus();
        var progress = new List<int>();
        using var train = AugmentedFeatureSetBuilder.Build(corpus.Utterances, Spec, Augmentation, progress: new SyncProgress<int>(progress.Add));
        using var plain = FeatureSetBuilder.Build(corpus.Utterances, Spec);
        Assert.Equal(12, train.Set.Count);
        Assert.Equal(12, progress[^1]);
        Assert.Equal(3, train.OriginalCount);
        Assert.Equal([0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2], train.Sources);
        Assert.Equal(plain.Labels.Concat(plain.Labels).Concat(plain.Labels).Concat(plain.Labels), train.Set.Labels);
        Assert.Equal("u1#speed(factor=0.9)", train.Set.Ids[4]);
        Assert.Equal([1, 4, 7, 10], train.RowsOf([1]));
        Assert.Equal(Bits(plain), Bits(train.Set)[..(3 * Spec.Rows * Spec.Frames)]);

        // Each copy is the grid of its clip after the transform, computed here directly.
        using var grid = new FeatureGrid(Spec);
        var pool = Augmentation.Pool();
        for (int row = 3; row < 12; row++)
        {
            var transform = pool[(row - 3) / 3];
            Assert.Equal(transform.CanonicalString(), train.Transforms[row]);
            var clip = transform.Apply(WavReader.Read(corpus.Utterances[train.Sources[row]].Path));
            using var expected = grid.Compute([clip.Samples]);
            Assert.True(train.Set.Inputs[row].allclose(expected[0], rtol: 1e-5, atol: 1e-4), $"row {row}");
            Assert.False(train.Set.Inputs[row].allclose(train.Set.Inputs[train.Sources[row]], rtol: 1e-3, atol: 1e-2), $"row {row} is not augmented");
        }
    }

    [Fact]
    public void Cached_augmented_features_reload_byte_identically_without_touching_audio()
    {
        using var corpus = Corpus();
        var cache = new FeatureCache(Path.Combine(corpus.Folder, "cache"));
        using var first = AugmentedFeatureSetBuilder.Build(corpus.Utterances, Spec, Augmentation, cache);
        foreach (var transform in Augmentation.Pool())
            Assert.All(corpus.Utterances, u => Assert.Equal(CacheStatus.Hit,
                cache.ForTransform(transform.CanonicalString()).Lookup(u.Path, FeatureCache.HashAudio(u.Path), Spec).Status));
        int loads = 0;
        using var second = AugmentedFeatureSetBuilder.Build(corpus.Utterances, Spec, Augmentation, new FeatureCache(cache.Folder),
            loadAudio: p => { loads++; return WavReader.Read(p); });
        Assert.Equal(0, loads);
        Assert.Equal(Bits(first.Set), Bits(second.Set));
    }

    [Fact]
    public void Another_noise_seed_recomputes_only_the_noisy_copies()
    {
        using var corpus = Corpus();
        var cache = new FeatureCache(Path.Combine(corpus.Folder, "cache"));
        using var first = AugmentedFeatureSetBuilder.Build(corpus.Utterances, Spec, Augmentation, cache);
        int loads = 0;
        using var reseeded = AugmentedFeatureSetBuilder.Build(corpus.Utterances, Spec, Augmentation with { Seed = 2 }, cache,
            loadAudio: p => { loads++; return WavReader.Read(p); });
        Assert.Equal(3, loads); // the three noise copies; plain, speed and pitch entries do not depend on the seed
        int per = Spec.Rows * Spec.Frames;
        var a = Bits(first.Set);
        var b = Bits(reseeded.Set);
        Assert.Equal(a[..(6 * per)], b[..(6 * per)]);                       // originals and speed copies
        Assert.NotEqual(a[(6 * per)..(9 * per)], b[(6 * per)..(9 * per)]);  // noise copies
        Assert.Equal(a[(9 * per)..], b[(9 * per)..]);                       // pitch copies
    }

    [Fact]
    public void No_augmentation_gives_the_plain_set()
    {
        using var corpus = Corpus();
        using var train = AugmentedFeatureSetBuilder.Build(corpus.Utterances, Spec, AugmentationSettings.None);
        using var plain = FeatureSetBuilder.Build(corpus.Utterances, Spec);
        Assert.Equal(Bits(plain), Bits(train.Set));
        Assert.Equal(plain.Ids, train.Set.Ids);
        Assert.All(train.Transforms, Assert.Null);
    }
}
