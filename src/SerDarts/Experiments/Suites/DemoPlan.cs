using SerDarts.Corpora;
using SerDarts.Experiments.Specs;

namespace SerDarts.Experiments.Suites;

/// <summary>
/// The main job, `serdarts demo`: the paper's model comparison (DARTS CNN-LSTM, the random-cell control, CNN,
/// CNN-LSTM and the linear model on utterance functionals) with the small
/// preset on the embedded sample corpus, one speaker-independent fold, one seed, in its own runs folder.
/// </summary>
public static class DemoPlan
{
    /// <summary>Default runs folder (results store, trial checkpoints, report).</summary>
    public static string DefaultRunsFolder { get; } = Path.Combine("runs", "demo");

    public static SuiteSpec Suite() => PaperSuite.CreateModelComparison();

    /// <summary>Stored suite label, e.g. "paper-models@small".</summary>
    public static string Label() => SuiteExpansion.Label(Suite(), ExperimentPresets.Small);

    public static IReadOnlyList<SuiteVariant> Variants(string? device = null) => SuiteExpansion.Expand(Suite(), ExperimentPresets.Small,
        new SpecOverrides(Folds: [0], Seeds: [0], CorpusName: CorpusSource.Sample, Device: device));
}
