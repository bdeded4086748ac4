using static TorchSharp.torch;

namespace SerDarts.Features;

/// <summary>One mini-batch on the compute device: inputs [B, 1, rows, frames], labels [B] and each clip's
/// valid frames [B] (int64). Lives in the caller's dispose scope.</summary>
public sealed record MiniBatch(Tensor X, Tensor Y, Tensor ValidFrames)
{
    public long Count => Y.shape[0];
}
