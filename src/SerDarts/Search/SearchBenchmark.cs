using System.Diagnostics;
using SerDarts.Features;
using SerDarts.Networks;
using SerDarts.Runtime;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SerDarts.Search;

/// <summary>Settings of the search-step benchmark (random inputs; every number as on the command line).</summary>
public sealed record SearchBenchOptions(
    int Size = 64, int Batch = 16, int InitChannels = 8, int Cells = 4, int Nodes = 4,
    SearchOrder Order = SearchOrder.First, int Steps = 5, int Warmup = 1, int Threads = 0,
    int PartialChannels = 1, int LstmLayers = 1, long Seed = 0, bool ChannelsLast = true, bool RecomputeEdges = false)
{
    /// <summary>Input frames (width); null: <see cref="Size"/>.</summary>
    public int? Frames { get; init; }

    /// <summary>search.method.</summary>
    public string Method { get; init; } = SearchMethods.Darts;

    /// <summary>execution.memory (fast, balanced, low); <see cref="RecomputeEdges"/> means low.</summary>
    public string Memory { get; init; } = ExecutionSettings.Fast;

    public string MemoryMode => RecomputeEdges ? ExecutionSettings.Low : Memory;
}

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

/// <summary>
/// Times full search steps (architecture update + weight update) on random inputs after a warm-up, one
/// dispose scope per step, as the search driver runs them.
/// </summary>
public static class SearchBenchmark
{
    /// <summary>The supernet described by the command line's numbers (DARTS' defaults for the rest).</summary>
    public static SearchBenchResult Run(SearchBenchOptions o, IProgress<(int Step, double Milliseconds)>? progress = null)
    {
        var network = new NetworkSpec
        {
            InitChannels = o.InitChannels, Cells = o.Cells, Nodes = o.Nodes, StemMultiplier = 3,
            Head = new HeadSpec { LstmLayers = o.LstmLayers, Dropout = 0 },
        };
        var search = new SearchSettings
        {
            Method = o.Method, Order = o.Order == SearchOrder.Second ? "second" : "first", PartialChannels = o.PartialChannels,
            BatchSize = o.Batch,
        };
        return Run(network, search, o, progress);
    }

    /// <summary>The supernet, optimisers and method a search of (<paramref name="network"/>, <paramref name="search"/>)
    /// builds (as <see cref="SearchRun"/> does), on random inputs of <paramref name="o"/>'s size and search.batchSize.</summary>
    public static SearchBenchResult Run(NetworkSpec network, SearchSettings search, SearchBenchOptions o,
        IProgress<(int Step, double Milliseconds)>? progress = null)
    {
        TorchRuntime.Initialize();
        if (o.Threads > 0) torch.set_num_threads(o.Threads);
        if (o.MemoryMode == ExecutionSettings.Low) NativeHeap.ReturnLargeBlocks(); // as SearchRun does on CPU
        torch.manual_seed(o.Seed);
        var method = SearchMethods.Create(search);
        var spec = SupernetSpec.For(network, search.PartialChannelsFor(network.InitChannels), FeatureSet.Classes, auxiliarySkip: method.AuxiliarySkip)
            .WithMemory(o.MemoryMode) with { ChannelsLast = o.ChannelsLast };
        o = o with
        {
            Batch = search.BatchSize, InitChannels = network.InitChannels, Cells = network.Cells, Nodes = network.Nodes,
            PartialChannels = search.PartialChannelsFor(network.InitChannels), LstmLayers = network.Head.LstmLayers, Order = search.OrderKind,
            Method = method.Name,
        };
        using var controller = new SearchController(spec, null, method, search.MaxDerivedSkips);
        using var weightOptimizer = torch.optim.SGD(controller.Weights(), search.LearningRate, search.Momentum, weight_decay: search.WeightDecay);
        using var alphaOptimizer = torch.optim.Adam(controller.Alphas(), search.ArchLearningRate, search.ArchBeta1, search.ArchBeta2,
            weight_decay: search.ArchWeightDecay);
        var step = new SearchStep(controller, weightOptimizer, alphaOptimizer,
            new Architect(controller, search.Momentum, search.WeightDecay), search.OrderKind, search.GradientClip);
        int frames = o.Frames ?? o.Size;
        using var frameCounts = torch.full(o.Batch, frames, dtype: ScalarType.Int64);
        var train = new MiniBatch(torch.randn(o.Batch, 1, o.Size, frames), torch.randint(0, 4, o.Batch, dtype: ScalarType.Int64), frameCounts);
        var valid = new MiniBatch(torch.randn(o.Batch, 1, o.Size, frames), torch.randint(0, 4, o.Batch, dtype: ScalarType.Int64), frameCounts);
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
            using (torch.NewDisposeScope()) step.Run(train, valid, search.LearningRate);
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
