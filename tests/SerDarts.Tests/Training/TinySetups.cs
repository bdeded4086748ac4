using SerDarts.Models;
using SerDarts.Search;
using SerDarts.Search.Operations;
using SerDarts.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace SerDarts.Tests.Training;

/// <summary>
/// Tests that seed torch's process-wide generator or time-sensitive runs join this collection, which xunit
/// runs alone: another test drawing random numbers in parallel would perturb the seeded stream.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TorchSerialCollection
{
    public const string Name = "torch serial";
}

/// <summary>Tiny configurations (16x16 inputs, C=4, 2 cells, 2 nodes, batch 4) and synthetic data.</summary>
internal static class TinySetups
{
    public static HeadSpec Head { get; } = new(8, 1, [6], 0, false);

    public static SupernetSpec Supernet(int partialChannels = 1) =>
        new(4, 2, 2, 3, partialChannels, Primitives.Darts, Head, 4);

    public static SearchConfig Search { get; } = SearchConfig.Paper with
    {
        InitChannels = 4, Cells = 2, Nodes = 2, Head = Head, Epochs = 3, BatchSize = 4, Seed = 11,
        Device = "cpu", AlphaLr = 3e-3,
    };

    public static TrainConfig Train { get; } = TrainConfig.Paper with
    {
        InitChannels = 4, Cells = 2, Head = Head with { Dropout = 0.1 }, BaselineChannels = [4, 8], Epochs = 3,
        BatchSize = 4, DropPath = 0.2, AuxiliaryHead = true, Seed = 5, Device = "cpu",
    };

    /// <summary>A two-node genotype using every kind of operation.</summary>
    public static Genotype Genotype { get; } = new(
        [[new(Primitives.SepConv3x3, 0), new(Primitives.SkipConnect, 1)], [new(Primitives.DilConv3x3, 2), new(Primitives.MaxPool3x3, 0)]],
        [2, 3],
        [[new(Primitives.AvgPool3x3, 0), new(Primitives.SkipConnect, 1)], [new(Primitives.SepConv5x5, 2), new(Primitives.DilConv5x5, 1)]],
        [2, 3]);

    /// <summary>
    /// Learnable synthetic "spectrograms" [N, 1, size, size]: class c lights up frequency band c (rows) in a
    /// time window whose position varies, plus noise. Deterministic for a seed.
    /// </summary>
    public static TensorDataset Data(int count, int size, long seed)
    {
        using var scope = torch.NewDisposeScope();
        var generator = new torch.Generator((ulong)seed);
        var x = torch.randn([count, 1, size, size], generator: generator).mul_(0.5f);
        var labels = new long[count];
        int band = size / 4;
        for (int i = 0; i < count; i++)
        {
            labels[i] = i % 4;
            int start = (int)((i * 7) % (size / 2));
            x[i, 0, TensorIndex.Slice(labels[i] * band, (labels[i] + 1) * band), TensorIndex.Slice(start, start + size / 2)].add_(2.0f);
        }
        return new TensorDataset(x.MoveToOuterDisposeScope(), labels);
    }

    public static string TempFolder(string name)
    {
        var path = Path.Combine(Path.GetTempPath(), "serdarts-tests", name + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(path);
        return path;
    }
}
