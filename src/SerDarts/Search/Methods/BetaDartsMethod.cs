using TorchSharp;
using static TorchSharp.torch;

namespace SerDarts.Search;

/// <summary>
/// beta-DARTS (2203.01665): Beta-Decay regularisation of the architecture loss,
/// L_beta = lambda_t * (mean_e log sum_o exp(alpha_normal[e, o]) + mean_e log sum_o exp(alpha_reduce[e, o])),
/// the smooth maximum of each edge's alphas; its gradient lambda_t / |E| * softmax(alpha_e) pulls the mixing
/// weights towards each other, so no parameter-free operation runs away early. lambda_t grows linearly from 0
/// at the first epoch to lambda at the last.
/// </summary>
public sealed class BetaDartsMethod(double weight) : SearchMethod
{
    public override string Name => SearchMethods.BetaDarts;

    public override string Paper => "2203.01665";

    public double Weight { get; } = weight;

    public double WeightAt(SearchPhase phase) => Weight * phase.Ramp;

    public override Tensor? Regularizer(Tensor alphaNormal, Tensor alphaReduce, SearchPhase phase)
    {
        double lambda = WeightAt(phase);
        if (lambda == 0) return null;
        using var normal = torch.logsumexp(alphaNormal, -1);
        using var reduce = torch.logsumexp(alphaReduce, -1);
        using var normalMean = normal.mean();
        using var reduceMean = reduce.mean();
        using var sum = normalMean.add(reduceMean);
        return sum.mul(lambda);
    }
}
