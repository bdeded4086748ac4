using static TorchSharp.torch;

namespace SerDarts.Features;

/// <summary>Which steps of a time axis hold audio, as tensors: the one rule the networks' pooling and the
/// per-speaker statistics share, so padding is never read as speech anywhere.</summary>
public static class FrameMask
{
    /// <summary>[N]: the valid steps of a time axis of <paramref name="steps"/> for each clip's valid fraction:
    /// ceil(fraction x steps), at least 1 (a network's time axis is the grid's, downsampled).</summary>
    public static Tensor ValidSteps(Tensor validFraction, long steps) => validFraction.mul(steps).ceil().clamp(1, steps);

    /// <summary>[N, T], boolean: true for the first <paramref name="valid"/>[n] of <paramref name="steps"/> steps.</summary>
    public static Tensor Of(Tensor valid, long steps) => arange(steps, device: valid.device).unsqueeze(0).lt(valid.unsqueeze(1));
}
