using TorchSharp;
using static TorchSharp.torch;

namespace SerDarts.Models;

/// <summary>Additive attention over time: a_t = softmax_t(v . tanh(W h_t)), summary = sum_t a_t h_t.</summary>
public sealed class AttentionPooling : nn.Module<Tensor, Tensor>
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
    public override Tensor forward(Tensor sequence)
    {
        var weights = torch.softmax(score.call(torch.tanh(project.call(sequence))), 1); // [N, T, 1]
        return sequence.mul(weights).sum(1);
    }
}
