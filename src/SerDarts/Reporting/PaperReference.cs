using SerDarts.Networks;
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
        (NetworkKinds.Darts, 73.18),
        (NetworkKinds.Cnn, 72.58),
        (NetworkKinds.CnnLstm, 56.75),
    ];
}
