using TorchSharp;
using static TorchSharp.torch;

namespace SerDarts.Networks;

/// <summary>
/// Halves the resolution without losing information: two stride-2 1x1 convs, the second on the input shifted
/// by one pixel, concatenated along channels, then BN.
/// </summary>
/// <remarks>
/// A stride-2 1x1 conv equals subsampling then a stride-1 1x1 conv; this computes it that way (a quarter of
/// the work, same weights and state-dict keys as DARTS), which also avoids a libtorch 2.10 CPU crash (double
/// free) in the backward of stride-2 1x1 convs on NHWC tensors with few channels. The shifted branch pads one
/// row/column at the end first, so odd sizes work too (pt.darts' <c>x[:, :, 1:, 1:]</c> gives mismatched
/// halves there); for even sizes both are identical.
/// </remarks>
public sealed class FactorizedReduce : PreActivatedOperation
{
    private readonly nn.Module<Tensor, Tensor> conv1;
    private readonly nn.Module<Tensor, Tensor> conv2;
    private readonly nn.Module<Tensor, Tensor> bn;

    public FactorizedReduce(long cIn, long cOut, bool affine) : base(nameof(FactorizedReduce))
    {
        if (cOut % 2 != 0) throw new ArgumentException($"FactorizedReduce needs an even output channel count, got {cOut}");
        conv1 = nn.Conv2d(cIn, cOut / 2, 1, bias: false);
        conv2 = nn.Conv2d(cIn, cOut / 2, 1, bias: false);
        bn = nn.BatchNorm2d(cOut, affine: affine);
        RegisterComponents();
    }

    public override Tensor ForwardActivated(Tensor activated)
    {
        var every2 = TensorIndex.Slice(null, null, 2);
        var odd2 = TensorIndex.Slice(1, null, 2);
        // Odd rows/columns of the end-padded input: the padding is only ever sampled for odd sizes.
        bool even = activated.shape[2] % 2 == 0 && activated.shape[3] % 2 == 0;
        using var padded = even ? activated.alias() : nn.functional.pad(activated, [0, 1, 0, 1]);
        using var evenView = activated[.., .., every2, every2];
        using var oddView = padded[.., .., odd2, odd2];
        bool nhwc = MemoryLayout.IsChannelsLast(activated);
        using var evenPixels = nhwc ? MemoryLayout.ToChannelsLast(evenView) : evenView.contiguous();
        using var oddPixels = nhwc ? MemoryLayout.ToChannelsLast(oddView) : oddView.contiguous();
        using var evenOut = conv1.call(evenPixels);
        using var oddOut = conv2.call(oddPixels);
        using var both = torch.cat([evenOut, oddOut], 1);
        return bn.call(both);
    }
}
