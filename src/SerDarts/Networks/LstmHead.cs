using SerDarts.Features;
using TorchSharp;
using static TorchSharp.torch;

namespace SerDarts.Networks;

/// <summary>
/// CNN -> LSTM coupling over time: the last feature map [N, C, F, T] is max-pooled over the frequency axis
/// (dim 2), its T frames [N, T, C] run through the LSTM, and a summary of the outputs goes through dense layers
/// to the class logits. Steps past a clip's valid length (its zero padding) never reach the summary: the last
/// valid output (the LSTM runs forwards, so it has not seen the padding), or a mean or attention masked to the
/// valid steps (<see cref="HeadSpec.Pooling"/>).
/// </summary>
public sealed class LstmHead : nn.Module<Tensor, Tensor, Tensor>
{
    private readonly nn.Module<Tensor, (Tensor, Tensor)?, (Tensor, Tensor, Tensor)> lstm;
    private readonly AttentionPooling? attention;
    private readonly nn.Module<Tensor, Tensor> dense;
    private readonly string pooling;

    public LstmHead(long inputChannels, HeadSpec spec, int classes) : base(nameof(LstmHead))
    {
        spec.Validate();
        pooling = spec.Pooling;
        lstm = nn.LSTM(inputChannels, spec.LstmUnits, spec.LstmLayers, batchFirst: true);
        attention = spec.Pooling == HeadPooling.Attention ? new AttentionPooling(spec.LstmUnits) : null;
        dense = DenseStack.Create(spec.LstmUnits, spec.DenseUnits, spec.Dropout, classes);
        RegisterComponents();
    }

    /// <param name="features">The CNN's last feature map [N, C, F, T].</param>
    /// <param name="validFraction">Each clip's valid share of the time axis, in (0, 1] ([N], float32).</param>
    public override Tensor forward(Tensor features, Tensor validFraction)
    {
        var frames = features.amax([2]).permute(0, 2, 1); // [N, T, C]
        var (outputs, _, _) = lstm.call(frames, null);       // [N, T, H]
        long steps = outputs.shape[1];
        var valid = FrameMask.ValidSteps(validFraction, steps).to(ScalarType.Int64); // [N] valid steps
        var summary = pooling switch
        {
            HeadPooling.Last => outputs.gather(1, valid.sub(1).view(-1, 1, 1).expand(-1, 1, outputs.shape[2])).squeeze(1),
            HeadPooling.Mean => outputs.mul(Mask(valid, steps, outputs)).sum(1).div(valid.unsqueeze(1).to(outputs.dtype)),
            _ => attention!.call(outputs, Mask(valid, steps, outputs)),
        };
        return dense.call(summary);
    }

    /// <summary>[N, T, 1]: 1 for the valid steps of each clip, 0 for its padding.</summary>
    private static Tensor Mask(Tensor valid, long steps, Tensor like) => FrameMask.Of(valid, steps).unsqueeze(2).to(like.dtype);
}
