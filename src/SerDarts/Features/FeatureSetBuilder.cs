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

    /// <summary>
    /// The set of every utterance, in order. An utterance whose audio cannot be used is an InvalidDataException
    /// naming it; <see cref="BuildUsable"/> (same parameters) leaves such files out instead.
    /// </summary>
    /// <inheritdoc cref="BuildUsable" path="/param"/>
    public static FeatureSet Build(IReadOnlyList<Utterance> utterances, FeatureSpec spec, FeatureCache? cache = null,
        IProgress<int>? progress = null, Func<string, AudioClip>? loadAudio = null, Device? device = null, int? workers = null)
    {
        var build = BuildUsable(utterances, spec, cache, progress, loadAudio, device, workers);
        if (build.Skipped.Count == 0)
            return build.Set;
        build.Dispose();
        var first = build.Skipped[0];
        var id = utterances.First(u => u.Path == first.Path).Id;
        throw new InvalidDataException($"utterance {id}: cannot read {first.Path}: {first.Reason}");
    }

    /// <summary>
    /// The set of the utterances whose audio can be used, in input order; each file that cannot (unreadable,
    /// not a WAV, NaN or infinite samples, no samples) is left out and listed with the reason, never thrown.
    /// </summary>
    /// <param name="utterances">Utterances with a 4-class emotion (EmotionClasses.IndexOf &gt;= 0).</param>
    /// <param name="spec">The grid to compute.</param>
    /// <param name="cache">Where grids are read from and stored; null computes everything.</param>
    /// <param name="progress">Receives the number of utterances done so far (in increasing order), skipped ones included.</param>
    /// <param name="loadAudio">Reads a file as mono at the preset's rate (default: <see cref="AudioFile.Load"/> at the preset's rate, resampling when needed).</param>
    /// <param name="device">Where the features are computed (CPU when null); the set is always on the CPU.</param>
    /// <param name="workers">CPU only: single-threaded extractors running side by side (default: one per core;
    /// torch's process-wide thread count is 1 while they run, then restored). 1 computes on the calling thread
    /// with torch's current threads.</param>
    public static FeatureBuild BuildUsable(
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
        var kept = Enumerable.Range(0, utterances.Count).Where(i => !job.IsSkipped(i)).ToArray();
        var inputs = tensor(job.KeptValues(kept), [kept.Length, spec.Channels, spec.Rows, spec.Frames]);
        var set = new FeatureSet(inputs, kept.Select(i => labels[i]).ToArray(), kept.Select(i => utterances[i].Id).ToArray(), spec);
        return new FeatureBuild(set, job.Skipped());
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

    /// <summary>The values being filled, with the cache, audio hashes, skipped files and progress count they share.</summary>
    private sealed class Job(IReadOnlyList<Utterance> utterances, FeatureSpec spec, FeatureCache? cache,
        IProgress<int>? progress, Func<string, AudioClip> loadAudio)
    {
        private readonly int per = spec.Channels * spec.Rows * spec.Frames;
        private readonly string?[] hashes = new string?[utterances.Count];
        private readonly string?[] unusable = new string?[utterances.Count];
        private readonly object gate = new();
        private int done;

        public bool IsSkipped(int i) => unusable[i] is not null;

        /// <summary>The skipped files in input order.</summary>
        public IReadOnlyList<SkippedFile> Skipped() =>
            Enumerable.Range(0, utterances.Count).Where(IsSkipped).Select(i => new SkippedFile(utterances[i].Path, unusable[i]!)).ToList();

        /// <summary>The rows of <paramref name="kept"/>; the filled array itself when nothing was skipped.</summary>
        public float[] KeptValues(int[] kept)
        {
            if (kept.Length == utterances.Count) return Values;
            var values = new float[checked(kept.Length * per)];
            for (int k = 0; k < kept.Length; k++)
                Array.Copy(Values, (long)kept[k] * per, values, (long)k * per, per);
            return values;
        }

        public float[] Values { get; } = new float[checked(utterances.Count * spec.Channels * spec.Rows * spec.Frames)];

        /// <summary>Copies valid cached grids into place; returns the indices still to compute.</summary>
        public List<int> ReadCache()
        {
            var pending = new List<int>();
            for (int i = 0; i < utterances.Count; i++)
            {
                if (cache is not null)
                {
                    if (Unreadable(i, () => hashes[i] = FeatureCache.HashAudio(utterances[i].Path)))
                    {
                        Done(1);
                        continue;
                    }
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
            var loaded = batch.Select(i => (Index: i, Samples: Load(i))).Where(c => c.Samples is not null).ToArray();
            if (loaded.Length < batch.Length) Done(batch.Length - loaded.Length);
            if (loaded.Length == 0) return;
            batch = loaded.Select(c => c.Index).ToArray();
            var clips = loaded.Select(c => c.Samples!).ToArray();
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

        /// <summary>The samples of utterance i, or null when its audio cannot be used (recorded as skipped).</summary>
        private float[]? Load(int i)
        {
            var u = utterances[i];
            AudioClip? clip = null;
            if (Unreadable(i, () => clip = loadAudio(u.Path)))
                return null;
            if (clip!.SampleRate != spec.Preset.SampleRate) // the loader's fault, not the file's
                throw new InvalidDataException(
                    $"utterance {u.Id}: {u.Path} is {clip.SampleRate} Hz but the '{spec.Preset.Name}' preset needs " +
                    $"{spec.Preset.SampleRate} Hz: load it resampled (pass a loadAudio that resamples)");
            // The WAV reader refuses these already; a custom loader might not.
            unusable[i] = AudioCheck.Unusable(clip.Samples);
            return unusable[i] is null ? clip.Samples : null;
        }

        /// <summary>Runs <paramref name="read"/>; a file that cannot be read marks utterance i as skipped.</summary>
        private bool Unreadable(int i, Action read)
        {
            try
            {
                read();
                return false;
            }
            catch (Exception e) when (e is IOException or InvalidDataException or NotSupportedException or UnauthorizedAccessException)
            {
                unusable[i] = e is AudioFormatException a ? a.Problem : e.Message;
                return true;
            }
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

}
