using TorchSharp;
using static TorchSharp.torch;

namespace SerDarts.Models;

/// <summary>Hand-engineered CNN-only baseline: conv blocks, global average pooling, dense layers, 4-way output.</summary>
public sealed class CnnBaseline : ClassifierModel
{
    private readonly InputScaler scaler;
    private readonly nn.Module<Tensor, Tensor> features;
    private readonly nn.Module<Tensor, Tensor> classifier;

    public CnnBaseline(IReadOnlyList<int> channels, IReadOnlyList<int> denseUnits, double dropout, int classes,
        bool channelsLast = true) : base(nameof(CnnBaseline))
    {
        scaler = new InputScaler();
        features = ConvBlock.Stack(channels, channelsLast);
        classifier = DenseStack.Create(channels[^1], denseUnits, dropout, classes);
        RegisterComponents();
    }

    public override InputScaler Scaler => scaler;

    public override Tensor forward(Tensor x) => classifier.call(features.call(scaler.call(x)).mean([2, 3]));
}
