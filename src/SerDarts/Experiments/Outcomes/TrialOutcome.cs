using SerDarts.Corpora;
using SerDarts.Networks;
using SerDarts.Runs;
using SerDarts.Search;
using SerDarts.Training;

namespace SerDarts.Experiments.Outcomes;

/// <summary>Everything a finished trial produced; the runner stores all of it.</summary>
/// <param name="Test">Metrics on the fold's held-out test speakers (UA, WA and macro-F1 as fractions in [0, 1]).</param>
/// <param name="Epochs">Training epochs of the final model.</param>
/// <param name="SearchEpochs">Search epochs (empty for the baselines).</param>
/// <param name="Genotype">The derived architecture (darts only).</param>
/// <param name="ParameterCount">Trainable parameters of the final model.</param>
/// <param name="Device">Device the trial ran on ("cpu", "cuda:0").</param>
/// <param name="Timings">Seconds spent searching, training and evaluating.</param>
/// <param name="CorpusManifestHash">Hash of the corpus manifest the trial read, for provenance.</param>
/// <param name="Fold">The fold's held-out speakers and split sizes.</param>
/// <param name="Warnings">What a reader of the result must know (e.g. a search whose architecture did not move).</param>
/// <param name="Predictions">Every test clip with its speaker, duration, class and prediction.</param>
/// <param name="SkippedFiles">Files the corpus scan or the feature builder left out (path and reason).</param>
/// <param name="SearchRepeats">With search.repeats &gt; 1: every search of the trial, the one kept, the genotype stability.</param>
public sealed record TrialOutcome(
    ClassificationReport Test,
    IReadOnlyList<EpochRecord> Epochs,
    IReadOnlyList<SearchEpochRecord> SearchEpochs,
    Genotype? Genotype,
    long ParameterCount,
    string Device,
    TrialTimings Timings,
    string? CorpusManifestHash = null,
    FoldDescription? Fold = null,
    IReadOnlyList<string>? Warnings = null,
    IReadOnlyList<ClipPrediction>? Predictions = null,
    IReadOnlyList<SkippedFile>? SkippedFiles = null,
    SearchRepeats? SearchRepeats = null);
