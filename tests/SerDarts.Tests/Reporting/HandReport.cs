using SerDarts.Experiments.Analysis;
using SerDarts.Experiments.Store;
using SerDarts.Networks;
using SerDarts.Statistics;

namespace SerDarts.Tests.Reporting;

/// <summary>A suite report typed in by hand (no statistics computed), so display tables can be checked cell by cell.
/// Suite "hand": factor model with darts (reference) and cnn, both under protocol "honest protocol" (optimistic:
/// "optimistic protocol"); factor dialogs with improvised under another protocol and a single speaker.</summary>
internal static class HandReport
{
    public static readonly VariantRow Darts = new("hand", "model=darts", "model", "darts", 0, NetworkKinds.Darts, "h-darts");
    public static readonly VariantRow Cnn = new("hand", "model=cnn", "model", "cnn", 1, NetworkKinds.Cnn, "h-cnn");
    public static readonly VariantRow Improvised = new("hand", "dialogs=improvised", "dialogs", "improvised", 2, NetworkKinds.Darts, "h-impro");

    /// <summary>Speakers a and b, seeds 0 and 1. DARTS: a 0.80, 0.70 (mean 75); b 0.60, 0.80 (mean 70). CNN: a 0.50, 0.40
    /// (45); b 0.55, 0.45 (50). Improvised: speaker a, seed 0, 0.66.</summary>
    public static SuiteReport Create() => new("hand",
        [
            Speaker(Darts, "a", 0, 0.80), Speaker(Darts, "a", 1, 0.70), Speaker(Darts, "b", 0, 0.60), Speaker(Darts, "b", 1, 0.80),
            Speaker(Cnn, "a", 0, 0.50), Speaker(Cnn, "a", 1, 0.40), Speaker(Cnn, "b", 0, 0.55), Speaker(Cnn, "b", 1, 0.45),
            Speaker(Improvised, "a", 0, 0.66),
        ],
        [
            new(Darts, 4, new LevelSummary(4, 2, 0.725, 0.095743, new Interval(0.70, 0.75), 2), new LevelSummary(4, 2, 0.71, 0.0812, new Interval(0.69, 0.7301), 2), "honest protocol"),
            new(Cnn, 4, new LevelSummary(4, 2, 0.475, 0.064549, new Interval(0.45, 0.50), 2), new LevelSummary(4, 2, 0.465, 0.06, new Interval(0.44, 0.49), 2), "honest protocol"),
            new(Improvised, 1, new LevelSummary(1, 1, 0.66, double.NaN, new Interval(0.66, 0.66), 1), new LevelSummary(1, 1, 0.65, double.NaN, new Interval(0.65, 0.65), 1), "other protocol"),
        ],
        [
            new("hand", "model", "darts", "cnn", "model=cnn",
                new PairedComparison(4, 2, -0.25, new Interval(-0.30, -0.20), new WilcoxonResult(4, 0, 0, 10, null, 0.125, WilcoxonMethod.Exact), 0, 0, 4, 0.125), null),
            new("hand", "dialogs", "all", "improvised", "dialogs=improvised", null, "different protocols: not compared"),
        ],
        [new DurationBucket("model=darts", 0, 2, 8, 0.9), new DurationBucket("model=darts", 8, double.PositiveInfinity, 8, 0.5)],
        [
            new(Darts, 4, new LevelSummary(2, 2, 0.80, 0.01, new Interval(0.79, 0.81), 2), new LevelSummary(2, 2, 0.82, 0.01, new Interval(0.81, 0.83), 2), "optimistic protocol"),
            new(Cnn, 4, null, null, "optimistic protocol"),
            new(Improvised, 1, null, null, "optimistic other protocol"),
        ]);

    private static SpeakerResult Speaker(VariantRow variant, string speaker, int seed, double ua) =>
        new(variant.Variant, speaker, 0, seed, 4, ua, ua - 0.01, speaker, "fold");
}
