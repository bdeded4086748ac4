using TorchSharp;
using static TorchSharp.torch;

namespace SerDarts.Search;

/// <summary>
/// SDARTS-RS (2002.05283): the weight step minimises L_train(w, A + delta), delta ~ U[-eps_t, eps_t] drawn anew
/// for every step, A = softmax(alpha) (the authors' code perturbs the softmaxed weights); the architecture step
/// and validation use A unperturbed. The smoothed loss flattens the landscape in alpha, so the supernet does
/// not over-fit one mixture. eps_t = 0.03 + (eps - 0.03) * t / T, as in the authors' code. Derivation is DARTS'.
/// </summary>
public sealed class SdartsRsMethod(double epsilon) : SearchMethod
{
    private const double StartEpsilon = 0.03;

    public override string Name => SearchMethods.SdartsRs;

    public override string Paper => "2002.05283";

    public double Epsilon { get; } = epsilon;

    /// <summary>The half-width at <paramref name="phase"/> (never above <see cref="Epsilon"/>).</summary>
    public double EpsilonAt(SearchPhase phase) =>
        Epsilon <= StartEpsilon ? Epsilon : StartEpsilon + (Epsilon - StartEpsilon) * phase.Fraction;

    public override Tensor WeightStepWeights(Tensor operationWeights, SearchPhase phase)
    {
        double eps = EpsilonAt(phase);
        if (eps == 0) return operationWeights.alias();
        using var noise = torch.rand_like(operationWeights);
        using var centred = noise.mul(2 * eps).sub_(eps); // U[-eps, eps)
        return operationWeights.add(centred);
    }
}
