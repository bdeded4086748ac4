using SerDarts.Experiments;

namespace SerDarts.Reporting;

/// <summary>The seed paper's reported unweighted accuracies (IEMOCAP, 4 classes, speaker-independent), for the
/// comparison table. Numbers on another corpus (the embedded sample) are not comparable to these.</summary>
public static class PaperReference
{
    public const string Citation =
        "Rajapakshe et al., \"Enhancing Speech Emotion Recognition Through Differentiable Architecture Search\", arXiv 2305.14402";

    /// <summary>UA in percent, per model kind.</summary>
    public static IReadOnlyList<(string Model, double UnweightedAccuracyPercent)> UnweightedAccuracy { get; } =
    [
        (ModelKinds.Darts, 73.18),
        (ModelKinds.Cnn, 72.58),
        (ModelKinds.CnnLstm, 56.75),
    ];
}
