using SerDarts.Features;
using TorchSharp;
using static TorchSharp.torch;

namespace SerDarts.Networks;

/// <summary>Hand-engineered CNN-only baseline: conv blocks, an average over the valid part of the feature map,
/// dense layers, 4-way output.</summary>
public sealed class CnnBaseline : ClassifierModel
{
    private readonly nn.Module<Tensor, Tensor> features;
    private readonly nn.Module<Tensor, Tensor> classifier;

    public CnnBaseline(IReadOnlyList<int> channels, IReadOnlyList<int> denseUnits, double dropout, int classes,
        bool channelsLast = true) : base(nameof(CnnBaseline))
    {
        features = ConvBlock.Stack(channels, channelsLast);
        classifier = DenseStack.Create(channels[^1], denseUnits, dropout, classes);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x, Tensor validFrames)
    {
        var map = features.call(x).mean([2]); // [N, C, T]: frequency averaged
        long steps = map.shape[2];
        var valid = FrameMask.ValidSteps(ValidFraction(x, validFrames), steps); // [N]
        var mask = FrameMask.Of(valid, steps).unsqueeze(1).to(map.dtype);
        return classifier.call(map.mul(mask).sum(2).div(valid.unsqueeze(1)));
    }
}
