using TorchSharp;
using static TorchSharp.torch;

namespace SerDarts.Search.Operations;

/// <summary>
/// Halves the resolution without losing information: two stride-2 1x1 convs, the second on the input shifted
/// by one pixel, concatenated along channels, then BN.
/// </summary>
/// <remarks>The shifted branch pads one row/column at the end first, so odd sizes work too (pt.darts' slice
/// <c>x[:, :, 1:, 1:]</c> gives mismatched halves there); for even sizes both are identical.</remarks>
public sealed class FactorizedReduce : nn.Module<Tensor, Tensor>
{
    private readonly nn.Module<Tensor, Tensor> conv1;
    private readonly nn.Module<Tensor, Tensor> conv2;
    private readonly nn.Module<Tensor, Tensor> bn;

    public FactorizedReduce(long cIn, long cOut, bool affine) : base(nameof(FactorizedReduce))
    {
        if (cOut % 2 != 0) throw new ArgumentException($"FactorizedReduce needs an even output channel count, got {cOut}");
        conv1 = nn.Conv2d(cIn, cOut / 2, 1, stride: 2, bias: false);
        conv2 = nn.Conv2d(cIn, cOut / 2, 1, stride: 2, bias: false);
        bn = nn.BatchNorm2d(cOut, affine: affine);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        using var activated = nn.functional.relu(x);
        using var padded = nn.functional.pad(activated, [0, 1, 0, 1]);
        using var shifted = padded[.., .., 1.., 1..];
        using var even = conv1.call(activated);
        using var odd = conv2.call(shifted);
        using var both = torch.cat([even, odd], 1);
        return bn.call(both);
    }
}
