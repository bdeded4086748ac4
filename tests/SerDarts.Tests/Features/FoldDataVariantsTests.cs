using SerDarts.Corpora;
using SerDarts.Experiments.Specs;
using SerDarts.Features;
using SerDarts.Tests.Corpora;

namespace SerDarts.Tests.Features;

/// <summary>Folds with augmented training copies and with whole-clip windows, on the tiny IEMOCAP tree.</summary>
[Collection("torch threads")]
public sealed class FoldDataVariantsTests : IDisposable
{
    private readonly CorpusFixture _tree = new();

    /// <summary>Speaker M's clips of session 2 are 2.0 s (32000 samples), the rest 0.5-0.7 s.</summary>
    public FoldDataVariantsTests() => TinyIemocap.Write(_tree, samples: (session, speaker, label) =>
        session == 2 && speaker == 1 ? 32000 : 8000 + 500 * label);

    private ExperimentSpec Spec(FeatureSettings? features = null)
    {
        var spec = ExperimentPresets.ApplySmall(new ExperimentSpec { Corpus = new CorpusSpec("iemocap", _tree.Root) });
        return features is null ? spec : spec with { Features = features };
    }

    private static FoldData Build(ExperimentSpec spec) => FoldData.Build(spec.Corpus, spec.Split, spec.Features, foldIndex: 0, cache: null);

    [Theory]
    [InlineData(FeatureSettings.FoldNormalization)]
    [InlineData(FeatureSettings.SpeakerNormalizationName)]
    public void Augmented_copies_join_the_training_part_only_and_stay_in_their_clips_half(string normalization)
    {
        var small = Spec();
        var plain = small with { Features = small.Features with { Normalization = normalization } };
        var augmentation = new AugmentationSettings(SpeedFactors: [0.9], NoiseSnrDb: [10], Seed: 2);
        var cache = new FeatureCache(Path.Combine(_tree.Root, $"cache-{normalization}"));
        var reports = new List<(int Done, int Total)>();
        using var reference = Build(plain);
        using var data = FoldData.Build(plain.Corpus, plain.Split, plain.Features with { Augmentation = augmentation }, foldIndex: 0,
            cache, new SerDarts.Runtime.SyncProgress<(int Done, int Total)>(reports.Add));

        Assert.Equal(3 * reference.Train.Count, data.Train.Count);             // every training clip and its two copies
        Assert.Equal(reference.Train.Ids, data.Train.Ids.Take(reference.Train.Count));
        Assert.Equal(reference.Train.Count, data.Train.Ids.Count(id => id.Contains("#speed(factor=0.9)")));
        Assert.True(reference.Test.Inputs.equal(data.Test.Inputs).all().item<bool>()); // never augmented, same normalisation
        Assert.True(reference.Validation.Inputs.equal(data.Validation.Inputs).all().item<bool>());
        // The training clips' copies are in the cache (so the lookup below can find one) ...
        var trained = data.Fold.Train[0];
        foreach (var t in augmentation.Pool())
            Assert.Equal(CacheStatus.Hit,
                cache.ForTransform(t.CanonicalString()).Lookup(trained.Path, FeatureCache.HashAudio(trained.Path), data.Train.Spec!).Status);
        // ... and no augmented grid of a validation or test clip was ever computed.
        foreach (var u in data.Fold.Validation.Concat(data.Fold.Test))
            foreach (var t in augmentation.Pool())
                Assert.Equal(CacheStatus.Missing,
                    cache.ForTransform(t.CanonicalString()).Lookup(u.Path, FeatureCache.HashAudio(u.Path), data.Train.Spec!).Status);
        // Progress ends at its total and never passes it (the augmented build re-reads the originals from the cache).
        Assert.Equal(reports[^1].Total, reports[^1].Done);
        Assert.All(reports, r => Assert.InRange(r.Done, 0, r.Total));

        var (weights, architecture) = data.BilevelHalves(0.5, seed: 3);
        using (weights)
        using (architecture)
        {
            static IEnumerable<string> Clips(FeatureSet set) => set.Ids.Select(id => id.Split('#')[0]);
            Assert.Empty(Clips(weights).Intersect(Clips(architecture)));     // a copy never crosses to the other half
            Assert.Equal(data.Train.Count, weights.Count + architecture.Count);
        }
    }

    /// <summary>
    /// Small grid with 1 s windows (16 frames of 2 x 512 samples: 15872 samples) every 0.5 s (8000 samples): a 32000-
    /// sample clip has windows at 0, 8000, 16000 and 24000 (24000 + 15872 passes its end), the short clips one each.
    /// Fold 0 tests Session1's F speaker; Session2's M speaker trains, so the training part has 3 extra windows for
    /// each of its 4 clips.
    /// </summary>
    [Fact]
    public void Whole_clip_windows_give_each_clip_its_windows_and_the_test_clips_one_label_each()
    {
        var plain = Spec();
        var windows = new WindowSettings { Mode = WindowSettings.Whole, LengthSeconds = 1.0, HopSeconds = 0.5 };
        using var data = Build(plain with { Features = plain.Features with { Window = windows } });

        Assert.Equal(16, data.Train.Spec!.Frames);
        Assert.Equal(15872, data.Train.Spec.WindowSamples);
        Assert.Equal(data.Fold.Train.Count + 3 * 4, data.Train.Count);
        var longClip = data.Fold.Train.First(u => u.Speaker == "Ses02M").Id;
        Assert.Equal([longClip, $"{longClip}@w2", $"{longClip}@w3", $"{longClip}@w4"],
            data.Train.Ids.Where(id => id.StartsWith(longClip, StringComparison.Ordinal)));
        Assert.Equal(4, data.Train.Clips.Count(c => c == longClip));
        Assert.Equal(data.Fold.Test.Select(u => u.Id), data.Test.ClipOrder());
        // Valid frames: the third window holds 16000 samples (a full window, 16 frames); the fourth holds 8000:
        // ceil(8000 / 512) = 16 window frames, pooled by 2 -> 8.
        var ids = data.Train.Ids.ToList();
        Assert.Equal(16, data.Train.ValidFrames[ids.IndexOf($"{longClip}@w3")]);
        Assert.Equal(8, data.Train.ValidFrames[ids.IndexOf($"{longClip}@w4")]);
    }

    public void Dispose() => _tree.Dispose();
}
