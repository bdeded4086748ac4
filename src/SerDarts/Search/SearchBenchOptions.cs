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
