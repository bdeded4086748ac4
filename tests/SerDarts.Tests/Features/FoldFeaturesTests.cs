using SerDarts.Corpora;
using SerDarts.Features;
using SerDarts.Runtime;

namespace SerDarts.Tests.Features;

// Builds change torch's process-wide thread count while they run: keep them apart.
[Collection("torch threads")]
public class FoldFeaturesTests
{
    private static readonly FeatureSpec Spec = FeatureSpec.Small(FeatureKind.LogMel);

    private static readonly AugmentationSettings Augmentation = new(
        SpeedFactors: [0.9, 1.1], NoiseSnrDb: [5], PitchSemitones: [-2], Seed: 3, Masking: new MaskingSettings());

    private static TestCorpus Corpus() => new(
        ("t0", "angry", TestCorpus.Tone(200, 30000, 1)),
        ("t1", "neutral", TestCorpus.Tone(300, 20000, 2)),
        ("t2", "sad", TestCorpus.Tone(350, 16000, 3)),
        ("v0", "happy", TestCorpus.Tone(400, 12000, 4)),
        ("v1", "sad", TestCorpus.Tone(450, 25000, 5)),
        ("s0", "angry", TestCorpus.Tone(500, 18000, 6)),
        ("s1", "neutral", TestCorpus.Tone(550, 22000, 7)));

    private static Fold FoldOf(TestCorpus corpus) =>
        new(0, "test", corpus.Utterances[..3], corpus.Utterances[3..5], corpus.Utterances[5..]);

    private static int[] Bits(FeatureSet set) => set.Inputs.data<float>().ToArray().Select(BitConverter.SingleToInt32Bits).ToArray();

    [Fact]
    public void Validation_and_test_features_are_never_augmented()
    {
        using var corpus = Corpus();
        var fold = FoldOf(corpus);
        var cache = new FeatureCache(Path.Combine(corpus.Folder, "cache"));
        var reports = new List<(int Done, int Total)>();
        using var augmented = FoldFeatures.Build(fold, Spec, Augmentation, cache, new SyncProgress<(int Done, int Total)>(reports.Add));
        using var plain = FoldFeatures.Build(fold, Spec, AugmentationSettings.None);

        // Augmentation did act on the training part ...
        Assert.Equal(3 * 5, augmented.Train.Set.Count);
        Assert.Equal((15 + 2 + 2, 19), reports[^1]);
        // ... and validation and test are the plain grids, value by value.
        Assert.Equal(Bits(plain.Validation), Bits(augmented.Validation));
        Assert.Equal(Bits(plain.Test), Bits(augmented.Test));
        Assert.Equal(plain.Validation.Ids, augmented.Validation.Ids);
        Assert.Equal(plain.Test.Ids, augmented.Test.Ids);
        // Nothing augmented was ever computed for them.
        foreach (var u in fold.Validation.Concat(fold.Test))
            foreach (var t in Augmentation.Pool())
                Assert.Equal(CacheStatus.Missing,
                    cache.ForTransform(t.CanonicalString()).Lookup(u.Path, FeatureCache.HashAudio(u.Path), Spec).Status);
    }

    [Fact]
    public void Normalised_validation_and_test_inputs_do_not_depend_on_augmentation()
    {
        using var corpus = Corpus();
        var fold = FoldOf(corpus);
        using var augmented = FoldFeatures.Build(fold, Spec, Augmentation);
        using var plain = FoldFeatures.Build(fold, Spec, AugmentationSettings.None);
        var withAugmentation = augmented.Train.FitNormalizer();
        var without = plain.Train.FitNormalizer();
        Assert.Equal(without.Mean, withAugmentation.Mean);
        Assert.Equal(without.Std, withAugmentation.Std);
        using var a = withAugmentation.Apply(augmented.Test);
        using var b = without.Apply(plain.Test);
        Assert.Equal(Bits(b), Bits(a));
    }
}
