using TorchSharp;
using static TorchSharp.torch;

namespace SerDarts.Networks;

/// <summary>
/// Stride-1 dilated depthwise convolution with a hand-written input gradient, used for NHWC tensors.
/// libtorch 2.10's CPU backward of this case in channels-last returns a wrong input gradient (and a
/// different one on every multi-threaded run); PyTorch 1.13 and the NCHW path are correct. With "same"
/// padding the input gradient is the forward convolution of the output gradient with the spatially flipped
/// kernel, which is also several times faster; the weight gradient comes from libtorch (correct there).
/// Not differentiable twice.
/// </summary>
public sealed class DilatedDepthwiseConv : autograd.SingleTensorFunction<DilatedDepthwiseConv>
{
    public override string Name => nameof(DilatedDepthwiseConv);

    /// <summary>conv2d(x, weight, padding, dilation, groups = channels), stride 1, padding = dilation (k - 1) / 2.</summary>
    public static Tensor Run(Tensor x, Tensor weight, long padding, long dilation) =>
        apply(x, weight, new Geometry(padding, dilation, weight.shape[0]));

    private sealed record Geometry(long Padding, long Dilation, long Groups);

    public override Tensor forward(autograd.AutogradContext ctx, params object[] vars)
    {
        var (x, weight, g) = ((Tensor)vars[0], (Tensor)vars[1], (Geometry)vars[2]);
        if (g.Dilation * (weight.shape[2] - 1) != 2 * g.Padding || g.Dilation * (weight.shape[3] - 1) != 2 * g.Padding)
            throw new ArgumentException("DilatedDepthwiseConv needs 'same' padding: dilation (k - 1) = 2 padding");
        ctx.save_for_backward([x, weight]);
        ctx.save_data("geometry", g);
        return nn.functional.conv2d(x, weight, null, [1, 1], [g.Padding, g.Padding], [g.Dilation, g.Dilation], g.Groups);
    }

    public override List<Tensor> backward(autograd.AutogradContext ctx, Tensor gradOutput)
    {
        var saved = ctx.get_saved_variables();
        var (x, weight) = (saved[0], saved[1]);
        var g = (Geometry)ctx.get_data("geometry");
        using var scope = torch.NewDisposeScope();
        using var flipped = weight.flip(2, 3);
        var gradInput = nn.functional.conv2d(gradOutput, flipped, null, [1, 1], [g.Padding, g.Padding],
            [g.Dilation, g.Dilation], g.Groups);
        Tensor gradWeight;
        using (torch.enable_grad())
        {
            var w = weight.detach().requires_grad_(true);
            var y = nn.functional.conv2d(x.detach(), w, null, [1, 1], [g.Padding, g.Padding], [g.Dilation, g.Dilation], g.Groups);
            gradWeight = autograd.grad([y], [w], [gradOutput])[0];
        }
        return [gradInput.MoveToOuterDisposeScope(), gradWeight.MoveToOuterDisposeScope(), null!];
    }
}
