using System.Text.Json.Nodes;
using SerDarts.Experiments.Specs;
using SerDarts.Features;
using SerDarts.Networks;

namespace SerDarts.Experiments.Suites;

/// <summary>
/// The built-in <c>paper</c> suite: the structure of the seed paper's results table and its ablations, each
/// factor varied alone around the DARTS CNN-LSTM with the paper's defaults (C = 4 cells, 1-layer LSTM of 256
/// units, 128x128 MFCC):
/// model (DARTS CNN-LSTM vs the random-cell control from the same search space, the hand-engineered CNN and
/// CNN-LSTM, and the classical baseline: a logistic regression on utterance-level functionals), cells (4 vs 8), LSTM depth (1, 2, 3), features (MFCC vs log-mel spectrogram on the same grid) and
/// augmentation of the training clips (none vs speed, noise and SpecAugment). Variants equal to the base share its trials.
/// </summary>
public static class PaperSuite
{
    public const string Name = "paper";

    public static SuiteSpec Create() => new(
        Name,
        "Rajapakshe et al. (arXiv 2305.14402): DARTS CNN-LSTM versus a random cell from the same search space and "
        + "the hand-engineered CNN and CNN-LSTM and a linear model on utterance functionals, and the ablations over the number of cells, the LSTM depth, the input features "
        + "and the augmentation of the training clips.",
        new ExperimentSpec { Name = "darts-cnn-lstm" },
        [
            new SuiteFactor("model",
            [
                Level("darts-cnn-lstm", JsonMergePatch.ForPath("network.kind", NetworkKinds.Darts)),
                Level("random-cnn-lstm", JsonMergePatch.ForPath("network.kind", NetworkKinds.Random)),
                Level("cnn", JsonMergePatch.ForPath("network.kind", NetworkKinds.Cnn)),
                Level("cnn-lstm", JsonMergePatch.ForPath("network.kind", NetworkKinds.CnnLstm)),
                Level("linear", JsonMergePatch.ForPath("network.kind", NetworkKinds.Linear)),
            ]),
            Factor("cells", "network.cells", 4, 8),
            Factor("lstm-layers", "network.head.lstmLayers", 1, 2, 3),
            new SuiteFactor("features",
            [
                Level("mfcc", JsonMergePatch.ForPath("features.kind", FeatureSettings.Mfcc)),
                Level("logmel", JsonMergePatch.ForPath("features.kind", FeatureSettings.LogMel)),
            ]),
            new SuiteFactor("augmentation",
            [
                Level("none", JsonMergePatch.ForPath("features.augmentation", new JsonObject())),
                Level("speed-noise-specaugment", JsonMergePatch.ForPath("features.augmentation", StandardAugmentation())),
            ]),
        ]);

    /// <summary>The augmentation level of the suite: speed perturbation 0.9 and 1.1 (Kaldi's recipe), white noise at
    /// 20 dB SNR, and SpecAugment's default masks: three extra copies of every training clip.</summary>
    public static JsonObject StandardAugmentation() => new()
    {
        ["speedFactors"] = new JsonArray(0.9, 1.1),
        ["noiseSnrDb"] = new JsonArray(20.0),
        ["masking"] = new JsonObject(),
    };

    /// <summary>Only the paper's main comparison (DARTS CNN-LSTM versus the random-cell control, the CNN and CNN-LSTM
    /// baselines and the linear model), e.g. for a demo: five variants, one search.</summary>
    public static SuiteSpec CreateModelComparison() => CreateFactor("model");

    /// <summary>One factor of the paper suite alone ("model", "cells", "lstm-layers", "features", "augmentation"), named "paper-&lt;factor&gt;".</summary>
    public static SuiteSpec CreateFactor(string factor)
    {
        var paper = Create();
        var chosen = paper.Factors.SingleOrDefault(f => f.Name == factor)
            ?? throw new ArgumentException($"the paper suite has no factor '{factor}': {string.Join(", ", paper.Factors.Select(f => f.Name))}");
        var name = factor == "model" ? "paper-models" : $"paper-{factor}";
        return paper with { Name = name, Description = $"The paper suite's {factor} factor only.", Factors = [chosen] };
    }

    private static FactorLevel Level(string name, JsonObject set) => new(name, set);

    private static SuiteFactor Factor(string name, string path, params int[] values) =>
        new(name, values.Select(v => Level(v.ToString(System.Globalization.CultureInfo.InvariantCulture), JsonMergePatch.ForPath(path, v))).ToList());
}
