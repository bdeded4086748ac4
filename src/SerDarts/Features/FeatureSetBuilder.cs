using SerDarts.Audio;
using SerDarts.Corpora;
using TorchSharp;
using static TorchSharp.torch;

namespace SerDarts.Features;

/// <summary>
/// Computes the network inputs of a list of utterances: cached grids are read back, the others are computed
/// in batches (and stored when a cache is given). Progress reports the number of utterances done.
/// </summary>
public static class FeatureSetBuilder
{
    /// <summary>
    /// Clips per batch on <paramref name="device"/>. On CPU one clip (~80-130 frames) already amortises the
    /// per-op overhead, and larger batches fall out of the L2 cache: measured 1.5-2.5x slower per frame at 16
    /// clips (docs/arch/features.md). A GPU needs large batches to be busy.
    /// </summary>
    public static int ClipsPerBatch(Device? device) => device is { type: DeviceType.CUDA } ? 64 : 1;

    /// <param name="utterances">Utterances with a 4-class emotion (EmotionClasses.IndexOf &gt;= 0).</param>
    /// <param name="spec">The grid to compute.</param>
    /// <param name="cache">Where grids are read from and stored; null computes everything.</param>
    /// <param name="progress">Receives the number of utterances done so far.</param>
    /// <param name="loadAudio">Reads a file as mono at the preset's rate (default: <see cref="AudioFile.Load"/> at the preset's rate, resampling when needed).</param>
    /// <param name="device">Where the features are computed (CPU when null); the set is always on the CPU.</param>
    public static FeatureSet Build(
        IReadOnlyList<Utterance> utterances,
        FeatureSpec spec,
        FeatureCache? cache = null,
        IProgress<int>? progress = null,
        Func<string, AudioClip>? loadAudio = null,
        Device? device = null)
    {
        spec.Validate();
        var labels = utterances.Select(Label).ToArray();
        int per = spec.Channels * spec.Rows * spec.Frames;
        var values = new float[checked(utterances.Count * per)];
        var hashes = new string?[utterances.Count];
        var pending = new List<int>();
        int done = 0;
        for (int i = 0; i < utterances.Count; i++)
        {
            if (cache is not null)
            {
                hashes[i] = FeatureCache.HashAudio(utterances[i].Path);
                var hit = cache.Lookup(utterances[i].Path, hashes[i]!, spec);
                if (hit.Status == CacheStatus.Hit)
                {
                    hit.Values!.CopyTo(values, (long)i * per);
                    progress?.Report(++done);
                    continue;
                }
            }
            pending.Add(i);
        }
        using (var grid = new FeatureGrid(spec, device))
        {
            foreach (var batch in pending.Chunk(ClipsPerBatch(device)))
            {
                var clips = batch.Select(i => Load(utterances[i], spec, loadAudio ?? (path => AudioFile.Load(path, spec.Preset.SampleRate)))).ToArray();
                using var scope = NewDisposeScope();
                var computed = grid.Compute(clips).data<float>().ToArray();
                for (int b = 0; b < batch.Length; b++)
                {
                    var slice = computed.AsSpan(b * per, per);
                    slice.CopyTo(values.AsSpan(batch[b] * per, per));
                    cache?.Store(utterances[batch[b]].Path, hashes[batch[b]]!, spec, slice);
                }
                done += batch.Length;
                progress?.Report(done);
            }
        }
        var inputs = tensor(values, [utterances.Count, spec.Channels, spec.Rows, spec.Frames]);
        return new FeatureSet(inputs, labels, utterances.Select(u => u.Id).ToArray(), spec);
    }

    private static long Label(Utterance u)
    {
        int index = EmotionClasses.IndexOf(u.Emotion);
        return index >= 0
            ? index
            : throw new ArgumentException(
                $"utterance {u.Id} ({u.Path}) has emotion '{u.Emotion}', outside the 4-class set " +
                $"({string.Join(", ", EmotionClasses.FourClass)}): filter the corpus before building features");
    }

    private static float[] Load(Utterance u, FeatureSpec spec, Func<string, AudioClip> loadAudio)
    {
        AudioClip clip;
        try { clip = loadAudio(u.Path); }
        catch (Exception e) when (e is IOException or InvalidDataException or NotSupportedException)
        {
            throw new InvalidDataException($"utterance {u.Id}: cannot read {u.Path}: {e.Message}", e);
        }
        if (clip.SampleRate != spec.Preset.SampleRate)
            throw new InvalidDataException(
                $"utterance {u.Id}: {u.Path} is {clip.SampleRate} Hz but the '{spec.Preset.Name}' preset needs " +
                $"{spec.Preset.SampleRate} Hz: load it resampled (pass a loadAudio that resamples)");
        return clip.Samples;
    }
}
