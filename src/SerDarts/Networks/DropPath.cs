using TorchSharp;
using static TorchSharp.torch;

namespace SerDarts.Networks;

/// <summary>
/// Drop path (per-sample): during training, zeroes a whole operation output for a random subset of the batch
/// and rescales the rest by 1/keep. The probability is set by the trainer each epoch.
/// </summary>
public sealed class DropPath : nn.Module<Tensor, Tensor>
{
    public DropPath() : base(nameof(DropPath)) => RegisterComponents();

    /// <summary>Drop probability, 0 disables.</summary>
    public double Probability { get; set; }

    public override Tensor forward(Tensor x)
    {
        if (!training || Probability <= 0) return x;
        double keep = 1.0 - Probability;
        using var mask = torch.empty(x.shape[0], 1, 1, 1, dtype: x.dtype, device: x.device).bernoulli_(keep);
        return x.div(keep).mul(mask);
    }
}
