using TorchSharp;
using static TorchSharp.torch;

namespace SerDarts.Networks;

/// <summary>
/// Auxiliary classifier at 2/3 of the network (DARTS): ReLU, pooling to 2x2, 1x1 conv to 128, BN, ReLU,
/// 2x2 conv to 768, BN, ReLU, linear. Adaptive pooling replaces DARTS' fixed 5x5 window so any input size works.
/// </summary>
public sealed class AuxiliaryHead : nn.Module<Tensor, Tensor>
{
    private readonly nn.Module<Tensor, Tensor> features;
    private readonly nn.Module<Tensor, Tensor> linear;

    public AuxiliaryHead(long channels, int classes) : base(nameof(AuxiliaryHead))
    {
        features = nn.Sequential(
            nn.ReLU(), nn.AdaptiveAvgPool2d(2),
            nn.Conv2d(channels, 128, 1, bias: false), nn.BatchNorm2d(128), nn.ReLU(),
            nn.Conv2d(128, 768, 2, bias: false), nn.BatchNorm2d(768), nn.ReLU());
        linear = nn.Linear(768, classes);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x) => linear.call(features.call(x).flatten(1));
}
