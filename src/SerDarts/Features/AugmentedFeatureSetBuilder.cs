using SerDarts.Audio;
using SerDarts.Audio.Augmentation;
using SerDarts.Corpora;
using SerDarts.Runtime;
using static TorchSharp.torch;

namespace SerDarts.Features;

/// <summary>
/// Training features with waveform augmentation: the plain grids of the utterances, then, for each transform of
/// the pool, the grids of the utterances that get a copy through it (<see cref="AugmentationSettings.TransformsFor"/>).
/// Every grid goes through <see cref="FeatureSetBuilder"/> and the same cache, augmented ones under
/// <see cref="FeatureCache.ForTransform"/>, so they are keyed by (audio, spec, transform with its parameters and
/// seed) and computed once. Training utterances only: <see cref="FoldData"/> never passes others here.
/// </summary>
public static class AugmentedFeatureSetBuilder
{
    /// <summary>Rows the training set will have: each utterance plus its copies.</summary>
    public static int RowCount(IReadOnlyList<Utterance> train, AugmentationSettings augmentation) =>
        train.Count + train.Sum(u => augmentation.TransformsFor(u.Id).Count);

    /// <param name="train">The training utterances.</param>
    /// <param name="spec">The grid to compute.</param>
    /// <param name="augmentation">The transforms (validated here); masking is for training batches and is not applied here.</param>
    /// <param name="cache">Where grids are read from and stored; null computes everything.</param>
    /// <param name="progress">Rows done so far, up to <see cref="RowCount"/>.</param>
    /// <param name="loadAudio">Reads a file as mono at the preset's rate (as in <see cref="FeatureSetBuilder.Build"/>);
    /// transforms apply to what it returns.</param>
    /// <param name="device">Where features are computed (CPU when null).</param>
    /// <param name="workers">As in <see cref="FeatureSetBuilder.Build"/>.</param>
    public static TrainingFeatures Build(
        IReadOnlyList<Utterance> train,
        FeatureSpec spec,
        AugmentationSettings augmentation,
        FeatureCache? cache = null,
        IProgress<int>? progress = null,
        Func<string, AudioClip>? loadAudio = null,
        Device? device = null,
        int? workers = null)
    {
        augmentation.EnsureValid();
        var load = loadAudio ?? (path => AudioFile.Load(path, spec.Preset.SampleRate));
        var sources = Enumerable.Range(0, train.Count).ToList();
        var transforms = Enumerable.Repeat<string?>(null, train.Count).ToList();
        var parts = new List<FeatureSet>();
        try
        {
            parts.Add(FeatureSetBuilder.Build(train, spec, cache, Offset(progress, 0), load, device, workers));
            foreach (var (transform, members) in Groups(train, augmentation))
            {
                var key = transform.CanonicalString();
                var built = FeatureSetBuilder.Build(members.Select(i => train[i]).ToList(), spec, cache?.ForTransform(key),
                    Offset(progress, sources.Count), path => transform.Apply(load(path)), device, workers);
                parts.Add(built);
                sources.AddRange(members);
                transforms.AddRange(Enumerable.Repeat<string?>(key, members.Count));
            }
            var inputs = parts.Count == 1 ? parts[0].Inputs.clone() : cat(parts.Select(p => p.Inputs).ToArray(), 0);
            var ids = sources.Select((s, r) => transforms[r] is { } t ? $"{train[s].Id}#{t}" : train[s].Id).ToArray();
            var set = new FeatureSet(inputs, parts.SelectMany(p => p.Labels).ToArray(), ids, spec, parts.SelectMany(p => p.ValidFrames).ToArray());
            return new TrainingFeatures { Set = set, OriginalCount = train.Count, Sources = sources, Transforms = transforms };
        }
        finally
        {
            foreach (var part in parts) part.Dispose();
        }
    }

    /// <summary>Each transform of the pool with the utterances (indices, in order) that get a copy through it.</summary>
    private static IEnumerable<(IWaveformTransform Transform, List<int> Members)> Groups(
        IReadOnlyList<Utterance> train, AugmentationSettings augmentation)
    {
        var chosen = train.Select(u => augmentation.TransformsFor(u.Id).Select(t => t.CanonicalString()).ToHashSet()).ToArray();
        foreach (var transform in augmentation.Pool())
        {
            var key = transform.CanonicalString();
            var members = Enumerable.Range(0, train.Count).Where(i => chosen[i].Contains(key)).ToList();
            if (members.Count > 0) yield return (transform, members);
        }
    }

    private static SyncProgress<int>? Offset(IProgress<int>? progress, int offset) =>
        progress is null ? null : new SyncProgress<int>(n => progress.Report(offset + n));
}
