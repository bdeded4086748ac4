using TorchSharp;
using static TorchSharp.torch;

namespace SerDarts.Search.Operations;

/// <summary>The one factory table: builds a candidate operation from (name, channels, stride).</summary>
/// <remarks>BatchNorm is non-affine during search (affine false) and affine in derived
/// networks, as in pt.darts.</remarks>
public static class OperationFactory
{
    public static nn.Module<Tensor, Tensor> Create(string name, long channels, long stride, bool affine) => name switch
    {
        Primitives.None => new Zero(stride),
        Primitives.AvgPool3x3 => new PoolBn(PoolKind.Average, channels, 3, stride, 1, affine),
        Primitives.MaxPool3x3 => new PoolBn(PoolKind.Max, channels, 3, stride, 1, affine),
        Primitives.SkipConnect => stride == 1
            ? new Identity()
            : new FactorizedReduce(channels, channels, affine),
        Primitives.SepConv3x3 => new SepConv(channels, channels, 3, stride, 1, affine),
        Primitives.SepConv5x5 => new SepConv(channels, channels, 5, stride, 2, affine),
        Primitives.DilConv3x3 => new DilConv(channels, channels, 3, stride, 2, 2, affine), // 5x5 receptive field
        Primitives.DilConv5x5 => new DilConv(channels, channels, 5, stride, 4, 2, affine), // 9x9 receptive field
        _ => throw new ArgumentException(
            $"unknown operation '{name}'; known: {string.Join(", ", Primitives.Darts)}", nameof(name)),
    };
}
