using SerDarts.Experiments.Specs;
using SerDarts.Features;

namespace SerDarts.Experiments.Suites;

/// <summary>
/// The built-in <c>normalization</c> suite: how the features are standardised (<c>features.normalization</c>:
/// none, training-fold statistics, each speaker's own, or each speaker's from <see cref="EnrolmentClips"/>
/// enrolment clips) as a measured factor, around the DARTS CNN-LSTM. The sizing presets set the normalisation
/// too, so the suite says its factor wins: with <c>--preset small</c> it still runs the four levels (four spec
/// hashes) instead of one.
/// </summary>
public static class NormalizationSuite
{
    public const string Name = "normalization";

    /// <summary>N of the enrolment level: 4 clips (a few seconds of a new speaker) of the sample corpus' 30 per speaker.</summary>
    public const int EnrolmentClips = 4;

    /// <summary>The levels, in the order the suite runs them.</summary>
    public static IReadOnlyList<string> Levels { get; } =
    [
        NormalizationLevel.None, NormalizationLevel.Fold, NormalizationLevel.Speaker,
        new NormalizationLevel(NormalizationLevel.Enrolment, EnrolmentClips).ToString(),
    ];

    public static SuiteSpec Create() => new(
        Name,
        "Feature standardisation as a factor: none, training-fold statistics, each speaker's own statistics "
        + "(validation and test speakers from all their unlabelled clips) or from 4 enrolment clips per validation "
        + "and test speaker (not scored); judge it on validation UA, not on test UA.",
        new ExperimentSpec { Name = "darts-cnn-lstm" },
        [
            new SuiteFactor("normalization", Levels
                .Select(n => new FactorLevel(n, JsonMergePatch.ForPath("features.normalization", n))).ToList()),
        ],
        FactorsWin: true);
}
