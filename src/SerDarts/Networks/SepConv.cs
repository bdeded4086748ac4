using TorchSharp;
using static TorchSharp.torch;

namespace SerDarts.Networks;

/// <summary>Depthwise-separable conv applied twice (the first carries the stride), as in DARTS.</summary>
public sealed class SepConv : PreActivatedOperation
{
    private readonly DilConv first;
    private readonly DilConv second;

    public SepConv(long cIn, long cOut, long kernel, long stride, long padding, bool affine) : base(nameof(SepConv))
    {
        first = new DilConv(cIn, cIn, kernel, stride, padding, 1, affine);
        second = new DilConv(cIn, cOut, kernel, 1, padding, 1, affine);
        RegisterComponents();
    }

    public override Tensor ForwardActivated(Tensor activated)
    {
        using var half = first.ForwardActivated(activated);
        return second.call(half);
    }
}
