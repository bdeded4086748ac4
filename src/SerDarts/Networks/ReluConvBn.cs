using TorchSharp;
using static TorchSharp.torch;

namespace SerDarts.Networks;

/// <summary>ReLU - Conv - BN (pt.darts' StdConv); the cells' input preprocessing.</summary>
public sealed class ReluConvBn : nn.Module<Tensor, Tensor>
{
    private readonly nn.Module<Tensor, Tensor> conv;
    private readonly nn.Module<Tensor, Tensor> bn;

    public ReluConvBn(long cIn, long cOut, long kernel, long stride, long padding, bool affine) : base(nameof(ReluConvBn))
    {
        conv = nn.Conv2d(cIn, cOut, kernel, stride: stride, padding: padding, bias: false);
        bn = nn.BatchNorm2d(cOut, affine: affine);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        using var activated = nn.functional.relu(x);
        using var convolved = conv.call(activated);
        return bn.call(convolved);
    }
}
