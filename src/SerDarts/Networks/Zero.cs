using TorchSharp;
using static TorchSharp.torch;

namespace SerDarts.Networks;

/// <summary>The <c>none</c> operation: zeros of the output shape (the input subsampled at stride 2).</summary>
public sealed class Zero : nn.Module<Tensor, Tensor>
{
    private readonly long stride;

    public Zero(long stride) : base(nameof(Zero))
    {
        this.stride = stride;
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        if (stride == 1) return x.mul(0.0);
        return x[.., .., TensorIndex.Slice(null, null, stride), TensorIndex.Slice(null, null, stride)].mul(0.0);
    }
}
