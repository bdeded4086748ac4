using TorchSharp;
using static TorchSharp.torch;

namespace SerDarts.Networks;

/// <summary>ReLU - depthwise (dilated) conv - pointwise 1x1 conv - BN.</summary>
public sealed class DilConv : PreActivatedOperation
{
    private readonly TorchSharp.Modules.Conv2d depthwise;
    private readonly long padding;
    private readonly long dilation;
    private readonly long stride;
    private readonly nn.Module<Tensor, Tensor> pointwise;
    private readonly nn.Module<Tensor, Tensor> bn;

    public DilConv(long cIn, long cOut, long kernel, long stride, long padding, long dilation, bool affine) : base(nameof(DilConv))
    {
        depthwise = nn.Conv2d(cIn, cIn, kernel, stride: stride, padding: padding, dilation: dilation, groups: cIn, bias: false);
        this.padding = padding;
        this.dilation = dilation;
        this.stride = stride;
        pointwise = nn.Conv2d(cIn, cOut, 1, bias: false);
        bn = nn.BatchNorm2d(cOut, affine: affine);
        RegisterComponents();
    }

    public override Tensor ForwardActivated(Tensor activated)
    {
        // NHWC stride-1 dilated depthwise: libtorch 2.10's backward is wrong there (see DilatedDepthwiseConv).
        using var spatial = dilation > 1 && stride == 1 && MemoryLayout.IsChannelsLast(activated)
            ? DilatedDepthwiseConv.Run(activated, depthwise.weight!, padding, dilation)
            : depthwise.call(activated);
        using var mixed = pointwise.call(spatial);
        return bn.call(mixed);
    }
}
