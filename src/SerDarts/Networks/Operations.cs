using TorchSharp;
using static TorchSharp.torch;

namespace SerDarts.Networks;

/// <summary>
/// The candidate operations of a DARTS cell, as in pt.darts' <c>ops.py</c>: the names, the table that builds an
/// operation from (name, channels, stride), and each operation's few lines. BatchNorm is non-affine in the
/// supernet and affine in derived networks, as in pt.darts.
/// </summary>
public static class Operations
{
    public const string MaxPool3x3 = "max_pool_3x3";
    public const string AvgPool3x3 = "avg_pool_3x3";
    public const string SkipConnect = "skip_connect";
    public const string SepConv3x3 = "sep_conv_3x3";
    public const string SepConv5x5 = "sep_conv_5x5";
    public const string DilConv3x3 = "dil_conv_3x3";
    public const string DilConv5x5 = "dil_conv_5x5";
    public const string None = "none";

    /// <summary>Every operation this table can build, in pt.darts' PRIMITIVES order (<c>none</c> last): the one list of
    /// operations, which <see cref="SearchSpace.Darts"/> is.</summary>
    public static IReadOnlyList<string> Known { get; } =
        [MaxPool3x3, AvgPool3x3, SkipConnect, SepConv3x3, SepConv5x5, DilConv3x3, DilConv5x5, None];

    public static nn.Module<Tensor, Tensor> Create(string name, long channels, long stride, bool affine) => name switch
    {
        None => new Zero(stride),
        AvgPool3x3 => new PoolBn(PoolKind.Average, channels, 3, stride, 1, affine),
        MaxPool3x3 => new PoolBn(PoolKind.Max, channels, 3, stride, 1, affine),
        SkipConnect => stride == 1 ? new Identity() : new FactorizedReduce(channels, channels, affine),
        SepConv3x3 => new SepConv(channels, channels, 3, stride, 1, affine),
        SepConv5x5 => new SepConv(channels, channels, 5, stride, 2, affine),
        DilConv3x3 => new DilConv(channels, channels, 3, stride, 2, 2, affine), // 5x5 receptive field
        DilConv5x5 => new DilConv(channels, channels, 5, stride, 4, 2, affine), // 9x9 receptive field
        _ => throw new ArgumentException($"unknown operation '{name}'; known: {string.Join(", ", Known)}", nameof(name)),
    };

    /// <summary>Throws a clear error for a name this table cannot build.</summary>
    public static void Validate(string name, string where)
    {
        if (!Known.Contains(name))
            throw new ArgumentException($"{where}: unknown operation '{name}'; known: {string.Join(", ", Known)}");
    }
}
