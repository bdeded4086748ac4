using SerDarts.Features;
using SerDarts.Networks;
using SerDarts.Runtime;
using SerDarts.Search;
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
    public static HeadSpec Head { get; } = new() { LstmUnits = 8, LstmLayers = 1, DenseUnits = [6], Dropout = 0 };

    public static SupernetSpec Supernet(int partialChannels = 1) =>
        new(4, 3, 2, 3, partialChannels, SearchSpace.Darts, Head, 4);

    /// <summary>The tiny network: C = 4, 3 cells, 2 nodes, an 8-unit LSTM with a little dropout, baselines 4-8 wide.</summary>
    public static NetworkSpec Network { get; } = new()
    {
        InitChannels = 4, Cells = 3, Nodes = 2, Head = Head with { Dropout = 0.1 }, BaselineChannels = [4, 8], Auxiliary = true,
    };

    public static SearchSettings Search { get; } = new() { Epochs = 3, BatchSize = 4, ArchLearningRate = 3e-3 };

    public const long SearchSeed = 11;

    public static SearchRunConfig SearchRun(SearchSettings? search = null, NetworkSpec? network = null) =>
        SearchRunConfig.Create(network ?? Network, search ?? Search, SearchSeed);

    public static TrainingSettings Training { get; } = new() { Epochs = 3, BatchSize = 4, DropPath = 0.2, ClassWeightedLoss = false };

    public const long TrainSeed = 5;

    public static TrainRunConfig TrainRun(NetworkSpec? network = null, Genotype? genotype = null, TrainingSettings? training = null) =>
        TrainRunConfig.Create(network ?? Network, genotype ?? Genotype, training ?? Training, TrainSeed);

    public static ExecutionSettings Cpu { get; } = new("cpu");

    /// <summary>A two-node genotype using every kind of operation.</summary>
    public static Genotype Genotype { get; } = new(
        [[new(Operations.SepConv3x3, 0), new(Operations.SkipConnect, 1)], [new(Operations.DilConv3x3, 2), new(Operations.MaxPool3x3, 0)]],
        [2, 3],
        [[new(Operations.AvgPool3x3, 0), new(Operations.SkipConnect, 1)], [new(Operations.SepConv5x5, 2), new(Operations.DilConv5x5, 1)]],
        [2, 3]);

    /// <summary>
    /// Learnable synthetic "spectrograms" [N, 1, size, size]: class c is a stripe pattern of period 4 and
    /// random phase oriented along frequency, time, the diagonal or the anti-diagonal, plus noise. Orientation
    /// survives convolution and pooling, so the task suits every model here. Deterministic for a seed.
    /// </summary>
    public static FeatureSet Data(int count, int size, long seed, int[]? validFrames = null)
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
        return new FeatureSet(torch.tensor(values, [count, 1, size, size]), labels,
            Enumerable.Range(0, count).Select(i => $"clip{i}").ToArray(), validFrames: validFrames);
    }

    /// <summary>A mini-batch whose clips fill the whole grid (no padding).</summary>
    public static MiniBatch Batch(Tensor x, Tensor y) => new(x, y, torch.full(x.shape[0], x.shape[3], dtype: ScalarType.Int64));

    public static string TempFolder(string name)
    {
        var path = Path.Combine(Path.GetTempPath(), "serdarts-tests", name + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(path);
        return path;
    }
}
