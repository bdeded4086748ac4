using TorchSharp;
using static TorchSharp.torch;

namespace SerDarts.Networks;

/// <summary>
/// PC-DARTS edge: only 1/K of the channels go through the candidate operations; the rest bypass them
/// (max-pooled at stride 2), then the channels are shuffled so that another subset is sampled by the next edge.
/// </summary>
public sealed class PartialChannelMixedOp : nn.Module<Tensor, Tensor, Tensor>
{
    private readonly MixedOp mixed;
    private readonly long stride;
    private readonly long k;
    private readonly long partChannels;

    public PartialChannelMixedOp(long channels, long stride, long k, IReadOnlyList<string> primitives)
        : base(nameof(PartialChannelMixedOp))
    {
        if (k < 1 || channels % k != 0)
            throw new ArgumentException($"partial channels: K={k} must divide the channel count {channels}");
        this.stride = stride;
        this.k = k;
        partChannels = channels / k;
        mixed = new MixedOp(partChannels, stride, primitives);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x, Tensor weights)
    {
        // A channel slice of an NHWC tensor is no longer recognisably NHWC: re-pack the sampled part.
        using var slice = x[.., ..(int)partChannels];
        using var sampled = MemoryLayout.IsChannelsLast(x) ? MemoryLayout.ToChannelsLast(slice) : slice.alias();
        using var bypass = x[.., (int)partChannels..];
        using var processed = mixed.call(sampled, weights);
        using var passed = stride == 1 ? bypass.alias() : nn.functional.max_pool2d(bypass, 2, 2);
        using var joined = torch.cat([processed, passed], 1);
        return ChannelShuffle(joined, k);
    }

    /// <summary>Interleaves K channel groups: [g0c0, g1c0, ..., g0c1, ...].</summary>
    public static Tensor ChannelShuffle(Tensor x, long groups)
    {
        if (groups == 1) return x.alias();
        long n = x.shape[0], c = x.shape[1], h = x.shape[2], w = x.shape[3];
        if (MemoryLayout.IsChannelsLast(x))
        {
            // Same permutation in NHWC memory: channels are the innermost dimension.
            using var nhwc = x.permute(0, 2, 3, 1);
            using var groupedLast = nhwc.view(n, h, w, groups, c / groups);
            using var swappedLast = groupedLast.transpose(3, 4);
            using var packedLast = swappedLast.contiguous();
            using var flat = packedLast.view(n, h, w, c);
            return flat.permute(0, 3, 1, 2);
        }
        using var grouped = x.view(n, groups, c / groups, h, w);
        using var swapped = grouped.transpose(1, 2);
        using var packed = swapped.contiguous();
        return packed.view(n, c, h, w);
    }
}
