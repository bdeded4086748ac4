using System.Diagnostics;
using SerDarts.Audio;
using SerDarts.Runtime;
using static TorchSharp.torch;

namespace SerDarts.Features;

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
