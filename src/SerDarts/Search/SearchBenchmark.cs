using System.Diagnostics;
using SerDarts.Features;
using SerDarts.Networks;
using SerDarts.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace SerDarts.Search;

/// <summary>Settings of the search-step benchmark (random inputs; every number as on the command line).</summary>
public sealed record SearchBenchOptions(
    int Size = 64, int Batch = 16, int InitChannels = 8, int Cells = 4, int Nodes = 4,
    SearchOrder Order = SearchOrder.First, int Steps = 5, int Warmup = 1, int Threads = 0,
    int PartialChannels = 1, int LstmLayers = 1, long Seed = 0, bool ChannelsLast = true, bool RecomputeEdges = false);

/// <summary>Per-step times, their median, and the process' peak working set.</summary>
public sealed record SearchBenchResult(
    SearchBenchOptions Options, int Threads, double[] StepMilliseconds, double MedianMilliseconds,
    double MedianCpuMilliseconds, long PeakWorkingSetBytes, long LiveTensorsAfterFirstStep, long LiveTensorsAfterLastStep,
    bool ChannelsLastUsed)
{
    /// <summary>One line for logs and the comparison script; ends in <c>ms_per_step=&lt;median&gt;</c>.</summary>
    public string ToLine() => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"serdarts search-step size={Options.Size} batch={Options.Batch} C={Options.InitChannels} cells={Options.Cells} " +
        $"nodes={Options.Nodes} order={Options.Order.ToString().ToLowerInvariant()} K={Options.PartialChannels} layout={(ChannelsLastUsed ? "nhwc" : "nchw")} recompute={(Options.RecomputeEdges ? 1 : 0)} threads={Threads} " +
        $"steps={StepMilliseconds.Length} peak_ws_mb={PeakWorkingSetBytes / 1048576.0:F0} cpu_ms_per_step={MedianCpuMilliseconds:F1} ms_per_step={MedianMilliseconds:F1}");
}

/// <summary>
/// Times full search steps (architecture update + weight update) on random inputs after a warm-up, one
/// dispose scope per step, as the search driver runs them.
/// </summary>
public static class SearchBenchmark
{
    public static SearchBenchResult Run(SearchBenchOptions o, IProgress<(int Step, double Milliseconds)>? progress = null)
    {
        TorchRuntime.Initialize();
        if (o.Threads > 0) torch.set_num_threads(o.Threads);
        if (o.RecomputeEdges) NativeHeap.ReturnLargeBlocks(); // as SearchRun does on CPU
        torch.manual_seed(o.Seed);
        var spec = new SupernetSpec(o.InitChannels, o.Cells, o.Nodes, 3, o.PartialChannels, SearchSpace.Darts,
            new HeadSpec { LstmLayers = o.LstmLayers, Dropout = 0 }, FeatureSet.Classes, o.ChannelsLast, o.RecomputeEdges);
        using var controller = new SearchController(spec);
        using var weightOptimizer = torch.optim.SGD(controller.Weights(), 0.025, 0.9, weight_decay: 3e-4);
        using var alphaOptimizer = torch.optim.Adam(controller.Alphas(), 3e-4, 0.5, 0.999, weight_decay: 1e-3);
        var step = new SearchStep(controller, weightOptimizer, alphaOptimizer,
            new Architect(controller, 0.9, 3e-4), o.Order, 5.0);
        using var frames = torch.full(o.Batch, o.Size, dtype: ScalarType.Int64);
        var train = new MiniBatch(torch.randn(o.Batch, 1, o.Size, o.Size), torch.randint(0, 4, o.Batch, dtype: ScalarType.Int64), frames);
        var valid = new MiniBatch(torch.randn(o.Batch, 1, o.Size, o.Size), torch.randint(0, 4, o.Batch, dtype: ScalarType.Int64), frames);
        controller.train();

        var times = new List<double>();
        var cpuTimes = new List<double>();
        using var self = Process.GetCurrentProcess();
        long liveFirst = 0, liveLast = 0;
        for (int i = 0; i < o.Warmup + o.Steps; i++)
        {
            self.Refresh();
            var cpuBefore = self.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            using (torch.NewDisposeScope()) step.Run(train, valid, 0.025);
            double ms = clock.Elapsed.TotalMilliseconds;
            self.Refresh();
            double cpuMs = (self.TotalProcessorTime - cpuBefore).TotalMilliseconds;
            if (i == 0) liveFirst = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
            liveLast = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
            if (i < o.Warmup) continue;
            times.Add(ms);
            cpuTimes.Add(cpuMs);
            progress?.Report((i - o.Warmup + 1, ms));
        }
        self.Refresh();
        foreach (var t in new[] { train.X, train.Y, valid.X, valid.Y }) t.Dispose();
        return new SearchBenchResult(o, torch.get_num_threads(), times.ToArray(), Median(times), Median(cpuTimes),
            self.PeakWorkingSet64, liveFirst, liveLast, spec.UsesChannelsLast);
    }

    public static double Median(IReadOnlyList<double> values)
    {
        if (values.Count == 0) return double.NaN;
        var sorted = values.OrderBy(v => v).ToArray();
        int mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
