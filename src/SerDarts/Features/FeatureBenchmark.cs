using System.Diagnostics;
using SerDarts.Audio;
using SerDarts.Runtime;
using static TorchSharp.torch;

namespace SerDarts.Features;

/// <summary>Settings of <see cref="FeatureBenchmark.Run"/>. Threads is the total number of compute threads (the
/// peer's torch.set_num_threads), shared by Workers extractors running side by side on their own threads, each
/// with Threads / Workers torch intra-op threads (torch's setting is process-wide; null Workers = Threads, i.e.
/// single-threaded extractors, which need no per-op synchronisation). Timed passes repeat until MinSeconds of
/// wall time have passed.</summary>
public sealed record FeatureBenchmarkOptions(
    FeaturePreset Preset,
    FeatureKind Kind,
    int Threads = 2,
    int BatchSize = 1,
    double MinSeconds = 5.0,
    int? Workers = null);

/// <summary>Throughput of one benchmark run.</summary>
/// <remarks>CpuSeconds is the process' CPU time over the timed passes: on a shared machine, audio seconds per
/// CPU second is steadier than the wall-clock figure.</remarks>
public sealed record FeatureBenchmarkResult(
    int Files, double AudioSeconds, double ProcessedSeconds, double ElapsedSeconds, double CpuSeconds,
    int Threads, int Workers, int BatchSize)
{
    /// <summary>Seconds of audio processed per wall-clock second.</summary>
    public double AudioSecondsPerSecond => ProcessedSeconds / ElapsedSeconds;

    /// <summary>Seconds of audio processed per second of CPU time (all threads).</summary>
    public double AudioSecondsPerCpuSecond => ProcessedSeconds / CpuSeconds;
}

/// <summary>
/// Full-length features of every WAV under a folder, no cache: the files are read once, then only the
/// computation is timed (after one warm-up pass), as the torchaudio peer script does. Clips are batched in
/// order of length so that little padding is computed; worker w owns batches w, w + W, ... and cycles
/// through them on its own thread until the time is up.
/// </summary>
public static class FeatureBenchmark
{
    public static FeatureBenchmarkResult Run(string root, FeatureBenchmarkOptions options)
    {
        TorchRuntime.Initialize();
        int workers = options.Workers ?? options.Threads;
        if (workers < 1 || options.Threads < workers || options.Threads % workers != 0)
            throw new ArgumentException($"{options.Threads} threads cannot be shared evenly by {workers} workers");
        var clips = LoadClips(root, options.Preset);
        double audioSeconds = clips.Sum(c => (double)c.Length) / options.Preset.SampleRate;
        var batches = clips.OrderBy(c => c.Length).Chunk(options.BatchSize).ToArray();
        int previousThreads = get_num_threads();
        set_num_threads(options.Threads / workers); // restored below: the setting is process-wide
        workers = Math.Min(workers, batches.Length);
        var shares = Enumerable.Range(0, workers)
            .Select(w => batches.Where((_, i) => i % workers == w).ToArray()).ToArray();
        var extractors = shares.Select(_ => new FeatureExtractor(options.Preset)).ToArray();
        try
        {
            var processed = new double[workers];
            var failures = new System.Collections.Concurrent.ConcurrentQueue<Exception>();
            using var start = new Barrier(workers + 1);
            var clock = new Stopwatch();
            var threads = Enumerable.Range(0, workers).Select(w => new Thread(() =>
            {
                try
                {
                    foreach (var batch in shares[w]) Compute(extractors[w], batch, options.Kind); // warm-up
                }
                catch (Exception e) { failures.Enqueue(e); }
                start.SignalAndWait(); // everyone warm; the clock starts
                try { processed[w] = Timed(extractors[w], shares[w], options, clock, failures); }
                catch (Exception e) { failures.Enqueue(e); }
            })).ToArray();
            foreach (var t in threads) t.Start();
            var cpuStart = Process.GetCurrentProcess().TotalProcessorTime;
            clock.Start();
            start.SignalAndWait();
            foreach (var t in threads) t.Join();
            double elapsed = clock.Elapsed.TotalSeconds;
            double cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuStart).TotalSeconds;
            if (!failures.IsEmpty) throw new AggregateException("feature benchmark failed", failures);
            return new FeatureBenchmarkResult(clips.Count, audioSeconds, processed.Sum(), elapsed, cpu,
                options.Threads / workers * workers, workers, options.BatchSize);
        }
        finally
        {
            foreach (var e in extractors) e.Dispose();
            set_num_threads(previousThreads);
        }
    }

    /// <summary>Cycles through the worker's batches until MinSeconds have passed; returns the audio seconds done.</summary>
    private static double Timed(FeatureExtractor extractor, float[][][] share, FeatureBenchmarkOptions options,
        Stopwatch clock, System.Collections.Concurrent.ConcurrentQueue<Exception> failures)
    {
        double done = 0;
        for (int i = 0; failures.IsEmpty && (i == 0 || clock.Elapsed.TotalSeconds < options.MinSeconds); i++)
        {
            var batch = share[i % share.Length];
            Compute(extractor, batch, options.Kind);
            done += batch.Sum(c => (double)c.Length) / options.Preset.SampleRate;
        }
        return done;
    }

    private static void Compute(FeatureExtractor extractor, float[][] batch, FeatureKind kind)
    {
        using var features = extractor.Compute(batch, kind);
    }

    private static List<float[]> LoadClips(string root, FeaturePreset preset)
    {
        if (!Directory.Exists(root)) throw new DirectoryNotFoundException($"{root}: no such folder");
        var files = Directory.EnumerateFiles(root, "*.wav", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0) throw new FileNotFoundException($"{root}: no .wav files");
        var clips = new List<float[]>(files.Count);
        foreach (var file in files)
        {
            var clip = WavReader.Read(file);
            if (clip.SampleRate != preset.SampleRate)
                throw new InvalidDataException($"{file}: {clip.SampleRate} Hz, the '{preset.Name}' preset needs {preset.SampleRate} Hz");
            clips.Add(clip.Samples);
        }
        return clips;
    }
}
