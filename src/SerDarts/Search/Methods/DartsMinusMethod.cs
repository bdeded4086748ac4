namespace SerDarts.Search;

/// <summary>
/// DARTS- (2009.01027): every edge computes sum_o softmax(alpha)_o o(x) + beta * skip(x), an auxiliary skip
/// outside the competition (identity, or a factorized reduce on stride-2 edges) whose weight decays linearly,
/// beta_t = beta0 * (1 - t / T), so that skip_connect no longer wins merely for easing optimisation. The
/// auxiliary skip is not part of the derived cell; derivation is DARTS'.
/// </summary>
public sealed class DartsMinusMethod(double initialWeight) : SearchMethod
{
    public override string Name => SearchMethods.DartsMinus;

    public override string Paper => "2009.01027";

    public override bool AuxiliarySkip => true;

    public double InitialWeight { get; } = initialWeight;

    public override double AuxiliarySkipWeight(SearchPhase phase) => InitialWeight * (1 - phase.Fraction);
}
