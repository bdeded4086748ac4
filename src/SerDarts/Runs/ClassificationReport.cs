namespace SerDarts.Runs;

/// <summary>Metrics over a whole evaluated set.</summary>
/// <param name="UnweightedAccuracy">UA: mean per-class recall (classes absent from the truth are skipped).</param>
/// <param name="WeightedAccuracy">WA: overall accuracy.</param>
/// <param name="MacroF1">Mean per-class F1.</param>
/// <param name="Confusion">Confusion[truth][predicted] counts.</param>
/// <param name="Classes">Class names, in index order.</param>
public sealed record ClassificationReport(
    double UnweightedAccuracy,
    double WeightedAccuracy,
    double MacroF1,
    int[][] Confusion,
    IReadOnlyList<string> Classes);
