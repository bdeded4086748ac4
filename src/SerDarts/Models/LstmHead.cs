using TorchSharp;
using static TorchSharp.torch;

namespace SerDarts.Models;

/// <summary>
/// CNN -> LSTM coupling over time: the last feature map [N, C, F, T] is max-pooled over the frequency axis
/// (dim 2), its T frames [N, T, C] run through the LSTM, and the last output (or an attention-pooled summary)
/// goes through dense layers to the class logits.
/// </summary>
public sealed class LstmHead : nn.Module<Tensor, Tensor>
{
    private readonly nn.Module<Tensor, (Tensor, Tensor)?, (Tensor, Tensor, Tensor)> lstm;
    private readonly AttentionPooling? attention;
    private readonly nn.Module<Tensor, Tensor> dense;

    public LstmHead(long inputChannels, HeadSpec spec, int classes) : base(nameof(LstmHead))
    {
        spec.Validate();
        lstm = nn.LSTM(inputChannels, spec.LstmUnits, spec.LstmLayers, batchFirst: true);
        attention = spec.Attention ? new AttentionPooling(spec.LstmUnits) : null;
        dense = DenseStack.Create(spec.LstmUnits, spec.DenseUnits, spec.Dropout, classes);
        RegisterComponents();
    }

    public override Tensor forward(Tensor features)
    {
        var frames = features.amax([2]).permute(0, 2, 1); // [N, T, C]
        var (outputs, _, _) = lstm.call(frames, null);       // [N, T, H]
        var summary = attention is null ? outputs[.., -1] : attention.call(outputs);
        return dense.call(summary);
    }
}
