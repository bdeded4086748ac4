using System.Diagnostics;
using SerDarts.Audio;
using SerDarts.Runtime;
using static TorchSharp.torch;

namespace SerDarts.Features;

/// <summary>Settings of <see cref="FeatureBenchmark.Run"/>. Threads sets torch's intra-op threads for the whole
/// process (the peer's torch.set_num_threads); timed passes repeat until MinSeconds of wall time have passed.</summary>
public sealed record FeatureBenchmarkOptions(
    FeaturePreset Preset,
    FeatureKind Kind,
    int Threads = 2,
    int BatchSize = FeatureSetBuilder.DefaultBatchSize,
    double MinSeconds = 5.0);

/// <summary>Throughput of one benchmark run.</summary>
public sealed record FeatureBenchmarkResult(
    int Files, double AudioSeconds, int Passes, double ElapsedSeconds, int Threads, int BatchSize)
{
    /// <summary>Seconds of audio processed per wall-clock second.</summary>
    public double AudioSecondsPerSecond => AudioSeconds * Passes / ElapsedSeconds;
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
        var clips = LoadClips(root, options.Preset);
        double audioSeconds = clips.Sum(c => (double)c.Length) / options.Preset.SampleRate;
        var batches = clips.OrderBy(c => c.Length).Chunk(options.BatchSize).ToArray();
        set_num_threads(options.Threads);
        using var extractor = new FeatureExtractor(options.Preset);
        Pass(extractor, batches, options.Kind); // warm-up
        var clock = Stopwatch.StartNew();
        int passes = 0;
        while (passes == 0 || clock.Elapsed.TotalSeconds < options.MinSeconds)
        {
            Pass(extractor, batches, options.Kind);
            passes++;
        }
        return new FeatureBenchmarkResult(clips.Count, audioSeconds, passes, clock.Elapsed.TotalSeconds,
            get_num_threads(), options.BatchSize);
    }

    private static void Pass(FeatureExtractor extractor, float[][][] batches, FeatureKind kind)
    {
        foreach (var batch in batches)
        {
            using var features = extractor.Compute(batch, kind);
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
            var clip = WavReader.Read(file);
            if (clip.SampleRate != preset.SampleRate)
                throw new InvalidDataException($"{file}: {clip.SampleRate} Hz, the '{preset.Name}' preset needs {preset.SampleRate} Hz");
            clips.Add(clip.Samples);
        }
        return clips;
    }
}
