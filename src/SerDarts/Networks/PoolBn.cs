using TorchSharp;
using static TorchSharp.torch;

namespace SerDarts.Networks;

/// <summary>3x3 max or average pooling followed by BN (average pooling ignores the padding).</summary>
public sealed class PoolBn : nn.Module<Tensor, Tensor>
{
    private readonly nn.Module<Tensor, Tensor> pool;
    private readonly nn.Module<Tensor, Tensor> bn;

    public PoolBn(PoolKind kind, long channels, long kernel, long stride, long padding, bool affine) : base(nameof(PoolBn))
    {
        pool = kind == PoolKind.Max
            ? nn.MaxPool2d(kernel, stride, padding)
            : nn.AvgPool2d(kernel, stride, padding, count_include_pad: false);
        bn = nn.BatchNorm2d(channels, affine: affine);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        using var pooled = pool.call(x);
        return bn.call(pooled);
    }
}
