using System.Diagnostics;
using SerDarts.Features;
using SerDarts.Networks;
using SerDarts.Runtime;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SerDarts.Search;

/// <summary>Per-step times, their median, and the process' peak working set (peak resident set size on Linux).</summary>
public sealed record SearchBenchResult(
    SearchBenchOptions Options, int Threads, double[] StepMilliseconds, double MedianMilliseconds,
    double MedianCpuMilliseconds, long PeakWorkingSetBytes, long LiveTensorsAfterFirstStep, long LiveTensorsAfterLastStep,
    bool ChannelsLastUsed)
{
    /// <summary>One line for logs and the comparison script; ends in <c>ms_per_step=&lt;median&gt;</c>.</summary>
    public string ToLine() => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"serdarts search-step size={Options.Size}x{Options.Frames ?? Options.Size} batch={Options.Batch} C={Options.InitChannels} cells={Options.Cells} " +
        $"nodes={Options.Nodes} method={Options.Method} order={Options.Order.ToString().ToLowerInvariant()} K={Options.PartialChannels} layout={(ChannelsLastUsed ? "nhwc" : "nchw")} " +
        $"memory={Options.MemoryMode} recompute={(Options.MemoryMode == ExecutionSettings.Fast ? 0 : 1)} threads={Threads} " +
        $"steps={StepMilliseconds.Length} peak_ws_mb={PeakWorkingSetBytes / 1048576.0:F0} peak_rss_mb={PeakWorkingSetBytes / 1048576.0:F0} " +
        $"cpu_ms_per_step={MedianCpuMilliseconds:F1} ms_per_step={MedianMilliseconds:F1}");
}
