using SerDarts.Corpora;
using SerDarts.Networks;
using SerDarts.Search;

namespace SerDarts.Experiments.Outcomes;

/// <summary>One test clip's outcome: who spoke it, how long it is, its class and the predicted class (indices into
/// the report's classes). Per-speaker and per-duration views are computed from these.</summary>
public sealed record ClipPrediction(string Utterance, string Speaker, double DurationSeconds, int Truth, int Predicted);
