using SerDarts.Features;

namespace SerDarts.Experiments;

/// <summary>
/// The built-in <c>normalization</c> suite: how the features are standardised (<c>features.normalization</c>:
/// training-fold statistics or each speaker's own) as a measured factor, around the DARTS CNN-LSTM. The sizing
/// presets set the normalisation too, so the suite says its factor wins: with <c>--preset small</c> it still runs
/// both levels (two spec hashes) instead of one.
/// </summary>
public static class NormalizationSuite
{
    public const string Name = "normalization";

    public static SuiteSpec Create() => new(
        Name,
        "Feature standardisation as a factor: training-fold statistics versus each speaker's own statistics "
        + "(test speakers from their own unlabelled clips); judge it on validation UA, not on test UA.",
        new ExperimentSpec { Name = "darts-cnn-lstm" },
        [
            new SuiteFactor("normalization", FeatureSettings.Normalizations
                .Select(n => new FactorLevel(n, JsonMergePatch.ForPath("features.normalization", n))).ToList()),
        ],
        FactorsWin: true);
}
