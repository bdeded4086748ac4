using static TorchSharp.torch;

namespace SerDarts.Networks;

/// <summary>
/// Channels-last (NHWC) strides without a memory-format API: TorchSharp 0.107 has none, but libtorch picks
/// its convolution kernels from the strides it is given, and convolution, BN, pooling and ReLU keep the
/// layout of their input. On CPU the depthwise convolutions of DARTS run 2-5x faster forward + backward in
/// NHWC (oneDNN vectorises over channels). The values are those of the NCHW tensor; only the memory order
/// differs, so results agree up to floating-point summation order.
/// </summary>
public static class MemoryLayout
{
    /// <summary>
    /// Fewest channels of a PC-DARTS slice (C / K) for which the search keeps NHWC: narrower slices leave the
    /// vector lanes mostly empty. Search step at 64x64/batch 16, C = 8, 2 CPU threads: K = 1 NHWC 2.2 s, NCHW
    /// 3.2 s; K = 2 NHWC 2.5 s; K = 4 NHWC 2.5 s, NCHW 1.3 s.
    /// </summary>
    public const int MinChannelsForNhwc = 8;

    /// <summary>The same [N, C, H, W] tensor with NHWC strides (a copy unless it already has them).</summary>
    public static Tensor ToChannelsLast(Tensor x)
    {
        if (x.dim() != 4 || IsChannelsLast(x)) return x.alias();
        using var nhwc = x.permute(0, 2, 3, 1);
        using var packed = nhwc.contiguous();
        return packed.permute(0, 3, 1, 2);
    }

    public static bool IsChannelsLast(Tensor x)
    {
        if (x.dim() != 4) return false;
        var s = x.stride();
        var n = x.shape;
        return s[1] == 1 && s[3] == n[1] && s[2] == n[1] * n[3];
    }
}
