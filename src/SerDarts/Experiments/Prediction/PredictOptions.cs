using SerDarts.Features;

namespace SerDarts.Experiments.Prediction;

/// <summary>How <see cref="Predictor"/> runs.</summary>
/// <param name="SpeakerAudio">A folder of the speaker's audio (*.wav, searched recursively, labels not needed): the
/// statistics of per-speaker standardisation. Without it, under that normalisation, each file is standardised with
/// its own statistics and the report warns.</param>
/// <param name="SpeakerFiles">The speaker's audio as a list of files (with <paramref name="SpeakerAudio"/>, both count).</param>
/// <param name="Device">auto, cpu, cuda or cuda:N (null: auto).</param>
/// <param name="Cache">Feature cache for the speaker's audio and, under training-fold normalisation, the fold's
/// training clips (null computes them).</param>
public sealed record PredictOptions(string? SpeakerAudio = null, string? Device = null, FeatureCache? Cache = null,
    IReadOnlyList<string>? SpeakerFiles = null);
