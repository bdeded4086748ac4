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
    /// <param name="progress">Receives the number of utterances done so far (in increasing order).</param>
    /// <param name="loadAudio">Reads a file as mono at the preset's rate (default: <see cref="AudioFile.Load"/> at the preset's rate, resampling when needed).</param>
    /// <param name="device">Where the features are computed (CPU when null); the set is always on the CPU.</param>
    /// <param name="workers">CPU only: single-threaded extractors running side by side (default: one per core;
    /// torch's process-wide thread count is 1 while they run, then restored). 1 computes on the calling thread
    /// with torch's current threads.</param>
    public static FeatureSet Build(
        IReadOnlyList<Utterance> utterances,
        FeatureSpec spec,
        FeatureCache? cache = null,
        IProgress<int>? progress = null,
        Func<string, AudioClip>? loadAudio = null,
        Device? device = null,
        int? workers = null)
    {
        spec.Validate();
        var labels = utterances.Select(Label).ToArray();
        var job = new Job(utterances, spec, cache, progress, loadAudio ?? (path => AudioFile.Load(path, spec.Preset.SampleRate)));
        var pending = job.ReadCache();
        bool gpu = device is { type: DeviceType.CUDA };
        int count = gpu ? 1 : Math.Clamp(workers ?? Environment.ProcessorCount, 1, Math.Max(1, pending.Count));
        var shares = ParallelWorkers.Deal(pending.Chunk(ClipsPerBatch(device)).ToArray(), count);
        ParallelWorkers.Run(count, count == 1 ? get_num_threads() : 1, w =>
        {
            using var grid = new FeatureGrid(spec, device);
            foreach (var batch in shares[w]) job.Compute(grid, batch);
        });
        var inputs = tensor(job.Values, [utterances.Count, spec.Channels, spec.Rows, spec.Frames]);
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

    /// <summary>The values being filled, with the cache, audio hashes and progress count they share.</summary>
    private sealed class Job(IReadOnlyList<Utterance> utterances, FeatureSpec spec, FeatureCache? cache,
        IProgress<int>? progress, Func<string, AudioClip> loadAudio)
    {
        private readonly int per = spec.Channels * spec.Rows * spec.Frames;
        private readonly string?[] hashes = new string?[utterances.Count];
        private readonly object gate = new();
        private int done;

        public float[] Values { get; } = new float[checked(utterances.Count * spec.Channels * spec.Rows * spec.Frames)];

        /// <summary>Copies valid cached grids into place; returns the indices still to compute.</summary>
        public List<int> ReadCache()
        {
            var pending = new List<int>();
            for (int i = 0; i < utterances.Count; i++)
            {
                if (cache is not null)
                {
                    hashes[i] = FeatureCache.HashAudio(utterances[i].Path);
                    var hit = cache.Lookup(utterances[i].Path, hashes[i]!, spec);
                    if (hit.Status == CacheStatus.Hit)
                    {
                        hit.Values!.CopyTo(Values, (long)i * per);
                        Done(1);
                        continue;
                    }
                }
                pending.Add(i);
            }
            return pending;
        }

        /// <summary>Computes one batch into place and stores it in the cache (thread-safe across batches).</summary>
        public void Compute(FeatureGrid grid, int[] batch)
        {
            var clips = batch.Select(i => Load(utterances[i], spec, loadAudio)).ToArray();
            float[] computed;
            using (var grids = grid.Compute(clips)) computed = grids.data<float>().ToArray();
            for (int b = 0; b < batch.Length; b++)
            {
                var slice = computed.AsSpan(b * per, per);
                slice.CopyTo(Values.AsSpan(batch[b] * per, per));
                cache?.Store(utterances[batch[b]].Path, hashes[batch[b]]!, spec, slice);
            }
            Done(batch.Length);
        }

        private void Done(int count)
        {
            lock (gate)
            {
                done += count;
                progress?.Report(done);
            }
        }
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
