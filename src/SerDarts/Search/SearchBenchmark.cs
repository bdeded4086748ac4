using System.Diagnostics;
using SerDarts.Features;
using SerDarts.Networks;
using SerDarts.Runtime;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SerDarts.Search;

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
        using var optimizers = SearchOptimizers.For(controller, search);
        var step = optimizers.Step;
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
