using TorchSharp;
using static TorchSharp.torch;

namespace SerDarts.Models;

/// <summary>
/// Standardises raw features with the training set's mean and standard deviation. The two scalars are
/// persistent buffers, so a saved model carries them and evaluation needs nothing else.
/// </summary>
public sealed class InputScaler : nn.Module<Tensor, Tensor>
{
    private readonly Tensor mean;
    private readonly Tensor scale;

    public InputScaler() : base(nameof(InputScaler))
    {
        mean = torch.zeros(1);
        scale = torch.ones(1);
        RegisterComponents();
    }

    /// <summary>Sets the statistics from a training set [N, 1, F, T] (computed in double precision).</summary>
    public void Fit(Tensor inputs)
    {
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        var asDouble = inputs.to(ScalarType.Float64);
        double m = asDouble.mean().item<double>();
        double s = asDouble.std().item<double>();
        mean.fill_(m);
        scale.fill_(s > 1e-12 ? 1.0 / s : 1.0);
    }

    public override Tensor forward(Tensor x) => x.sub(mean).mul(scale);
}
