using TorchSharp;
using static TorchSharp.torch;

namespace SerDarts.Search.Operations;

/// <summary>ReLU - depthwise (dilated) conv - pointwise 1x1 conv - BN.</summary>
public sealed class DilConv : nn.Module<Tensor, Tensor>
{
    private readonly nn.Module<Tensor, Tensor> depthwise;
    private readonly nn.Module<Tensor, Tensor> pointwise;
    private readonly nn.Module<Tensor, Tensor> bn;

    public DilConv(long cIn, long cOut, long kernel, long stride, long padding, long dilation, bool affine)
        : base(nameof(DilConv))
    {
        depthwise = nn.Conv2d(cIn, cIn, kernel, stride: stride, padding: padding, dilation: dilation,
            groups: cIn, bias: false);
        pointwise = nn.Conv2d(cIn, cOut, 1, bias: false);
        bn = nn.BatchNorm2d(cOut, affine: affine);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        using var activated = nn.functional.relu(x);
        using var spatial = depthwise.call(activated);
        using var mixed = pointwise.call(spatial);
        return bn.call(mixed);
    }
}
