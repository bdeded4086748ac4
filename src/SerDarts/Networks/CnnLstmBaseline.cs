using TorchSharp;
using static TorchSharp.torch;

namespace SerDarts.Networks;

/// <summary>Hand-engineered CNN-LSTM baseline: the same conv blocks as <see cref="CnnBaseline"/>, then the
/// LSTM head coupled over time (frequency max-pool, frames as a sequence).</summary>
public sealed class CnnLstmBaseline : ClassifierModel
{
    private readonly nn.Module<Tensor, Tensor> features;
    private readonly LstmHead head;

    public CnnLstmBaseline(IReadOnlyList<int> channels, HeadSpec headSpec, int classes, bool channelsLast = true)
        : base(nameof(CnnLstmBaseline))
    {
        features = ConvBlock.Stack(channels, channelsLast);
        head = new LstmHead(channels[^1], headSpec, classes);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x, Tensor validFrames) => head.call(features.call(x), ValidFraction(x, validFrames));
}
