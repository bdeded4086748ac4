using SerDarts.Corpora;
using SerDarts.Experiments.Outcomes;
using SerDarts.Experiments.Specs;
using SerDarts.Features;
using SerDarts.Networks;
using SerDarts.Runs;
using SerDarts.Search;
using SerDarts.Training;

namespace SerDarts.Tests.Experiments;

/// <summary>Deterministic outcomes with values known in closed form, so tests can check what the store and the
/// aggregation return against numbers computed by hand.</summary>
internal static class FakeOutcomes
{
    public static readonly IReadOnlyList<string> Operations =
        ["none", "max_pool_3x3", "avg_pool_3x3", "skip_connect", "sep_conv_3x3", "sep_conv_5x5", "dil_conv_3x3", "dil_conv_5x5"];

    /// <summary>UA = 0.40 + 0.02 (fold mod 10) + 0.005 (seed mod 10) + model offset (darts 0.20, cnn 0.10, cnn-lstm 0)
    /// + 0.001 LSTM layers + 0.0001 cells + 0.00001 for log-mel; WA = UA - 0.02; macro-F1 = UA - 0.03.</summary>
    public static double Ua(ExperimentSpec spec, int fold, int seed) =>
        0.40 + 0.02 * (fold % 10) + 0.005 * (seed % 10) + ModelOffset(spec.Model) + 0.001 * spec.Network.Head.LstmLayers
        + 0.0001 * spec.Network.Cells + (spec.Features.Kind == FeatureSettings.LogMel ? 0.00001 : 0);

    public static long Parameters(ExperimentSpec spec) => spec.Model switch
    {
        NetworkKinds.Darts => 100_000 + 1_000 * spec.Network.Cells + 10_000 * spec.Network.Head.LstmLayers,
        NetworkKinds.Random => 90_000 + 1_000 * spec.Network.Cells + 10_000 * spec.Network.Head.LstmLayers,
        NetworkKinds.Cnn => 50_000,
        _ => 80_000 + 10_000 * spec.Network.Head.LstmLayers,
    };

    public static TrialOutcome For(TrialSpec trial)
    {
        var ua = Ua(trial.Spec, trial.Fold, trial.Seed);
        var report = new ClassificationReport(ua, ua - 0.02, ua - 0.03, Confusion(trial.Fold, trial.Seed), EmotionClasses.FourClass);
        var darts = trial.Spec.Model == NetworkKinds.Darts;
        return new TrialOutcome(report, Epochs(3), darts ? SearchEpochs(2) : [], NetworkKinds.UsesCells(trial.Spec.Model) ? Genotype() : null,
            Parameters(trial.Spec), "cpu", new TrialTimings(darts ? 1.5 : 0, 2.0, 0.25), "manifest-" + trial.Spec.Corpus.Name,
            new FoldDescription($"fold{trial.Fold}", [$"spk{trial.Fold}a", $"spk{trial.Fold}b"], 200, 20, 50));
    }

    /// <summary>Diagonal 10 + fold, off-diagonal (truth + predicted + seed) mod 3.</summary>
    public static int[][] Confusion(int fold, int seed) =>
        Enumerable.Range(0, 4).Select(t => Enumerable.Range(0, 4).Select(p => t == p ? 10 + fold : (t + p + seed) % 3).ToArray()).ToArray();

    public static IReadOnlyList<EpochRecord> Epochs(int count) =>
        Enumerable.Range(1, count).Select(e => new EpochRecord(e, 0.025 / e, 1.5 / e, 0.3 + 0.1 * e, 1.6 / e, 0.25 + 0.1 * e, 0.3 + 0.1 * e, 0.35 + 0.1 * e, 0.5 * e)).ToList();

    public static IReadOnlyList<SearchEpochRecord> SearchEpochs(int count) =>
        Enumerable.Range(1, count).Select(e => new SearchEpochRecord(e, 0.025 / e, e > 1, 1.4 / e, 0.3 + 0.04 * e, 1.5 / e,
            0.3 + 0.05 * e, 1.0 - 0.1 * e, 1.0 - 0.05 * e, e - 1, e % 3, Operations, Weights(14, e, 0), Weights(14, e, 1), Genotype(), 10.0 * e)).ToList();

    /// <summary>Rows of 8 summing to 1: uniform 0.1 with 0.3 moved onto operation (edge + epoch + offset) mod 8.</summary>
    public static double[][] Weights(int edges, int epoch, int offset) =>
        Enumerable.Range(0, edges).Select(edge => Enumerable.Range(0, 8).Select(op => op == (edge + epoch + offset) % 8 ? 0.4 : 0.6 / 7).ToArray()).ToArray();

    public static Genotype Genotype() => new(
        [[new("sep_conv_3x3", 0), new("skip_connect", 1)], [new("sep_conv_5x5", 0), new("dil_conv_3x3", 2)],
         [new("max_pool_3x3", 1), new("sep_conv_3x3", 3)], [new("skip_connect", 2), new("dil_conv_5x5", 4)]],
        [2, 3, 4, 5],
        [[new("max_pool_3x3", 0), new("max_pool_3x3", 1)], [new("skip_connect", 2), new("max_pool_3x3", 0)],
         [new("avg_pool_3x3", 0), new("skip_connect", 2)], [new("skip_connect", 2), new("avg_pool_3x3", 1)]],
        [2, 3, 4, 5]);

    private static double ModelOffset(string model) => model switch
    {
        NetworkKinds.Darts => 0.20,
        NetworkKinds.Random => 0.15,
        NetworkKinds.Cnn => 0.10,
        _ => 0.0,
    };
}
