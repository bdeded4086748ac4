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
    int Files, double AudioSeconds, int Passes, double ElapsedSeconds, double CpuSeconds, int Threads, int Workers, int BatchSize)
{
    /// <summary>Seconds of audio processed per wall-clock second.</summary>
    public double AudioSecondsPerSecond => AudioSeconds * Passes / ElapsedSeconds;

    /// <summary>Seconds of audio processed per second of CPU time (all threads).</summary>
    public double AudioSecondsPerCpuSecond => AudioSeconds * Passes / CpuSeconds;
}

/// <summary>
/// Full-length features of every WAV under a folder, no cache: the files are read once, then only the
/// computation is timed (one warm-up pass, then whole passes), as the torchaudio peer script does.
/// Clips are batched in order of length so that little padding is computed.
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
        set_num_threads(options.Threads / workers);
        var extractors = Enumerable.Range(0, workers).Select(_ => new FeatureExtractor(options.Preset)).ToArray();
        try
        {
            Pass(extractors, batches, options.Kind); // warm-up
            var cpuStart = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            int passes = 0;
            while (passes == 0 || clock.Elapsed.TotalSeconds < options.MinSeconds)
            {
                Pass(extractors, batches, options.Kind);
                passes++;
            }
            double elapsed = clock.Elapsed.TotalSeconds;
            double cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuStart).TotalSeconds;
            return new FeatureBenchmarkResult(clips.Count, audioSeconds, passes, elapsed, cpu,
                get_num_threads() * workers, workers, options.BatchSize);
        }
        finally
        {
            foreach (var e in extractors) e.Dispose();
        }
    }

    /// <summary>One pass over all batches; worker w takes batches w, w + W, ... on its own thread.</summary>
    private static void Pass(FeatureExtractor[] extractors, float[][][] batches, FeatureKind kind)
    {
        void Work(int w)
        {
            for (int i = w; i < batches.Length; i += extractors.Length)
            {
                using var features = extractors[w].Compute(batches[i], kind);
            }
        }
        if (extractors.Length == 1) Work(0);
        else
        {
            var threads = Enumerable.Range(0, extractors.Length).Select(w => new Thread(() => Work(w))).ToArray();
            foreach (var t in threads) t.Start();
            foreach (var t in threads) t.Join();
        }
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
            clips.Add(AudioFile.Load(file, preset.SampleRate).Samples);
        }
        return clips;
    }
}
