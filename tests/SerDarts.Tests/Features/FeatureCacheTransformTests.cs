using SerDarts.Audio.Augmentation;
using SerDarts.Features;

namespace SerDarts.Tests.Features;

public class FeatureCacheTransformTests
{
    private static readonly FeatureSpec Spec = FeatureSpec.Small(FeatureKind.Mfcc);

    private static float[] Values(float start) =>
        Enumerable.Range(0, Spec.Channels * Spec.Rows * Spec.Frames).Select(i => start + i * 0.5f).ToArray();

    [Fact]
    public void Entries_are_keyed_by_transform_parameters_and_seed()
    {
        var cache = new FeatureCache(Path.Combine(Path.GetTempPath(), "unused-cache"));
        const string audio = "/data/a.wav";
        IWaveformTransform[] transforms =
        [
            new SpeedPerturbation(0.9), new SpeedPerturbation(1.1), new AdditiveNoise(20, 1), new AdditiveNoise(20, 2),
            new AdditiveNoise(10, 1), new PitchShift(2), new PitchShift(-2),
        ];
        var paths = transforms.Select(t => cache.ForTransform(t.CanonicalString()).EntryPath(audio, Spec))
            .Append(cache.EntryPath(audio, Spec)).ToList();
        Assert.Equal(paths.Count, paths.Distinct().Count());
        Assert.All(paths, p => Assert.Equal(Path.Combine(cache.Folder, Spec.SpecHash()), Path.GetDirectoryName(p)));
        Assert.Null(cache.Transform);
        Assert.Equal("speed(factor=0.9)", cache.ForTransform("speed(factor=0.9)").Transform);
        Assert.Throws<ArgumentException>(() => cache.ForTransform(""));
    }

    [Fact]
    public void Plain_and_transformed_entries_live_side_by_side_and_never_answer_for_each_other()
    {
        using var corpus = new TestCorpus(("a", "sad", TestCorpus.Tone(220, 8000, 1)));
        var plain = new FeatureCache(Path.Combine(corpus.Folder, "cache"));
        var speed = plain.ForTransform("speed(factor=0.9)");
        var audio = corpus.Utterances[0].Path;
        var hash = FeatureCache.HashAudio(audio);
        plain.Store(audio, hash, Spec, Values(1));
        Assert.Equal(CacheStatus.Missing, speed.Lookup(audio, hash, Spec).Status);
        speed.Store(audio, hash, Spec, Values(2));
        Assert.Equal(Values(1), plain.Lookup(audio, hash, Spec).Values);
        Assert.Equal(Values(2), speed.Lookup(audio, hash, Spec).Values);
        Assert.Equal(Values(2), new FeatureCache(plain.Folder).ForTransform("speed(factor=0.9)").Lookup(audio, hash, Spec).Values);

        // An entry found where another transform looks (a copied file) is checked against its header.
        var other = plain.ForTransform("speed(factor=1.1)");
        File.Copy(speed.EntryPath(audio, Spec), other.EntryPath(audio, Spec));
        var lookup = other.Lookup(audio, hash, Spec);
        Assert.Equal(CacheStatus.Stale, lookup.Status);
        Assert.Contains("transform", lookup.Reason);
        File.Copy(speed.EntryPath(audio, Spec), plain.EntryPath(audio, Spec), overwrite: true);
        Assert.Equal(CacheStatus.Stale, plain.Lookup(audio, hash, Spec).Status);
    }
}
