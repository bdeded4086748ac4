using TorchSharp;
using static TorchSharp.torch;

namespace SerDarts.Networks;

/// <summary>Additive attention over the valid time steps: a_t = softmax_t(v . tanh(W h_t)) over the steps
/// whose mask is 1, summary = sum_t a_t h_t.</summary>
public sealed class AttentionPooling : nn.Module<Tensor, Tensor, Tensor>
{
    private readonly nn.Module<Tensor, Tensor> project;
    private readonly nn.Module<Tensor, Tensor> score;

    public AttentionPooling(long units) : base(nameof(AttentionPooling))
    {
        project = nn.Linear(units, units);
        score = nn.Linear(units, 1, hasBias: false);
        RegisterComponents();
    }

    /// <param name="sequence">[N, T, H]</param>
    /// <param name="mask">[N, T, 1]: 1 where a step is valid, 0 for padding (every row has a valid step).</param>
    public override Tensor forward(Tensor sequence, Tensor mask)
    {
        var scores = score.call(torch.tanh(project.call(sequence))).masked_fill(mask.eq(0), double.NegativeInfinity);
        var weights = torch.softmax(scores, 1); // [N, T, 1]
        return sequence.mul(weights).sum(1);
    }
}
