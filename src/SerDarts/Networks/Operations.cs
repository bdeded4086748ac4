using TorchSharp;
using static TorchSharp.torch;

namespace SerDarts.Networks;

/// <summary>
/// The candidate operations of a DARTS cell, as in pt.darts' <c>ops.py</c>: the names, the table that builds an
/// operation from (name, channels, stride), and each operation's few lines. BatchNorm is non-affine in the
/// supernet and affine in derived networks, as in pt.darts.
/// </summary>
public static class Operations
{
    public const string MaxPool3x3 = "max_pool_3x3";
    public const string AvgPool3x3 = "avg_pool_3x3";
    public const string SkipConnect = "skip_connect";
    public const string SepConv3x3 = "sep_conv_3x3";
    public const string SepConv5x5 = "sep_conv_5x5";
    public const string DilConv3x3 = "dil_conv_3x3";
    public const string DilConv5x5 = "dil_conv_5x5";
    public const string None = "none";

    /// <summary>Every operation this table can build.</summary>
    public static IReadOnlyList<string> Known { get; } =
        [MaxPool3x3, AvgPool3x3, SkipConnect, SepConv3x3, SepConv5x5, DilConv3x3, DilConv5x5, None];

    public static nn.Module<Tensor, Tensor> Create(string name, long channels, long stride, bool affine) => name switch
    {
        None => new Zero(stride),
        AvgPool3x3 => new PoolBn(PoolKind.Average, channels, 3, stride, 1, affine),
        MaxPool3x3 => new PoolBn(PoolKind.Max, channels, 3, stride, 1, affine),
        SkipConnect => stride == 1 ? new Identity() : new FactorizedReduce(channels, channels, affine),
        SepConv3x3 => new SepConv(channels, channels, 3, stride, 1, affine),
        SepConv5x5 => new SepConv(channels, channels, 5, stride, 2, affine),
        DilConv3x3 => new DilConv(channels, channels, 3, stride, 2, 2, affine), // 5x5 receptive field
        DilConv5x5 => new DilConv(channels, channels, 5, stride, 4, 2, affine), // 9x9 receptive field
        _ => throw new ArgumentException($"unknown operation '{name}'; known: {string.Join(", ", Known)}", nameof(name)),
    };

    /// <summary>Throws a clear error for a name this table cannot build.</summary>
    public static void Validate(string name, string where)
    {
        if (!Known.Contains(name))
            throw new ArgumentException($"{where}: unknown operation '{name}'; known: {string.Join(", ", Known)}");
    }
}

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

/// <summary>The stride-1 <c>skip_connect</c>.</summary>
public sealed class Identity : nn.Module<Tensor, Tensor>
{
    public Identity() : base(nameof(Identity)) => RegisterComponents();

    // alias() so that callers may dispose the result without disposing the input.
    public override Tensor forward(Tensor x) => x.alias();
}

public enum PoolKind { Max, Average }

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

/// <summary>
/// An operation that starts with ReLU and can take the activated input instead. A mixed edge computes
/// relu(x) once for all such candidates (the separable and dilated convolutions, factorized reduce): fewer
/// kernels, and one saved activation instead of one per candidate.
/// </summary>
public abstract class PreActivatedOperation(string name) : nn.Module<Tensor, Tensor>(name)
{
    public sealed override Tensor forward(Tensor x)
    {
        using var activated = nn.functional.relu(x);
        return ForwardActivated(activated);
    }

    /// <param name="activated">relu(x) of the operation's input.</param>
    public abstract Tensor ForwardActivated(Tensor activated);
}

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
