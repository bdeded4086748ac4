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

/// <summary>Tiny configurations (16x16 inputs, C=4, 3 cells (normal, reduce, reduce), 2 nodes, batch 4) and synthetic data.</summary>
internal static class TinySetups
{
    public static HeadSpec Head { get; } = new(8, 1, [6], 0, false);

    public static SupernetSpec Supernet(int partialChannels = 1) =>
        new(4, 3, 2, 3, partialChannels, Primitives.Darts, Head, 4);

    public static SearchConfig Search { get; } = SearchConfig.Paper with
    {
        InitChannels = 4, Cells = 3, Nodes = 2, Head = Head, Epochs = 3, BatchSize = 4, Seed = 11,
        Device = "cpu", AlphaLr = 3e-3, Threads = 1,
    };

    public static TrainConfig Train { get; } = TrainConfig.Paper with
    {
        InitChannels = 4, Cells = 3, Head = Head with { Dropout = 0.1 }, BaselineChannels = [4, 8], Epochs = 3,
        BatchSize = 4, DropPath = 0.2, AuxiliaryHead = true, Seed = 5, Device = "cpu", Threads = 1,
    };

    /// <summary>A two-node genotype using every kind of operation.</summary>
    public static Genotype Genotype { get; } = new(
        [[new(Primitives.SepConv3x3, 0), new(Primitives.SkipConnect, 1)], [new(Primitives.DilConv3x3, 2), new(Primitives.MaxPool3x3, 0)]],
        [2, 3],
        [[new(Primitives.AvgPool3x3, 0), new(Primitives.SkipConnect, 1)], [new(Primitives.SepConv5x5, 2), new(Primitives.DilConv5x5, 1)]],
        [2, 3]);

    /// <summary>
    /// Learnable synthetic "spectrograms" [N, 1, size, size]: class c is a stripe pattern of period 4 and
    /// random phase oriented along frequency, time, the diagonal or the anti-diagonal, plus noise. Orientation
    /// survives convolution and pooling, so the task suits every model here. Deterministic for a seed.
    /// </summary>
    public static TensorDataset Data(int count, int size, long seed)
    {
        var random = new Random((int)seed);
        var values = new float[count * size * size];
        var labels = new long[count];
        for (int i = 0; i < count; i++)
        {
            labels[i] = i % 4;
            double phase = random.NextDouble() * 2 * Math.PI;
            for (int f = 0; f < size; f++)
                for (int t = 0; t < size; t++)
                {
                    int along = labels[i] switch { 0 => f, 1 => t, 2 => f + t, _ => f - t };
                    double noise = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
                    values[(i * size + f) * size + t] = (float)(Math.Cos(2 * Math.PI * along / 4 + phase) + 0.5 * noise);
                }
        }
        return new TensorDataset(torch.tensor(values, [count, 1, size, size]), labels);
    }

    public static string TempFolder(string name)
    {
        var path = Path.Combine(Path.GetTempPath(), "serdarts-tests", name + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(path);
        return path;
    }
}
