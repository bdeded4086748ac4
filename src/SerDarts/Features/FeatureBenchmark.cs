using System.Diagnostics;
using SerDarts.Audio;
using SerDarts.Runtime;
using static TorchSharp.torch;

namespace SerDarts.Features;

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
        if (workers != 1 && workers != options.Threads)
            throw new ArgumentException($"workers must be 1 (torch's own threads) or --threads ({options.Threads}), not {workers}");
        var clips = LoadClips(root, options.Preset);
        double audioSeconds = clips.Sum(c => (double)c.Length) / options.Preset.SampleRate;
        var batches = clips.OrderBy(c => c.Length).Chunk(options.BatchSize).ToArray();
        workers = Math.Min(workers, batches.Length);
        var shares = ParallelWorkers.Deal(batches, workers);
        var processed = new double[workers];
        var clock = new Stopwatch();
        var cpuStart = TimeSpan.Zero;
        // The clock starts once every worker has finished its warm-up pass.
        using var warm = new Barrier(workers, _ => { cpuStart = Process.GetCurrentProcess().TotalProcessorTime; clock.Start(); });
        ParallelWorkers.Run(workers, workers == 1 ? options.Threads : 1, w =>
        {
            FeatureExtractor? extractor = null;
            try
            {
                extractor = new FeatureExtractor(options.Preset);
                foreach (var batch in shares[w]) Compute(extractor, batch, options.Kind);
            }
            finally { warm.SignalAndWait(); } // a failing worker must not leave the others waiting
            using (extractor) processed[w] = Timed(extractor, shares[w], options, clock);
        });
        double elapsed = clock.Elapsed.TotalSeconds;
        double cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuStart).TotalSeconds;
        return new FeatureBenchmarkResult(clips.Count, audioSeconds, processed.Sum(), elapsed, cpu,
            options.Threads, workers, options.BatchSize);
    }

    /// <summary>Cycles through the worker's batches until MinSeconds have passed; returns the audio seconds done.</summary>
    private static double Timed(FeatureExtractor extractor, float[][][] share, FeatureBenchmarkOptions options, Stopwatch clock)
    {
        double done = 0;
        for (int i = 0; i == 0 || clock.Elapsed.TotalSeconds < options.MinSeconds; i++)
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
            clips.Add(AudioFile.Load(file, preset.SampleRate).Samples);
        }
        return clips;
    }
}
