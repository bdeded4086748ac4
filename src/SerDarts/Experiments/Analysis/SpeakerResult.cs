using SerDarts.Corpora;
using SerDarts.Statistics;

namespace SerDarts.Experiments.Analysis;

/// <summary>One test speaker's result in one trial: UA and WA over that speaker's test clips, and the independent
/// unit (<see cref="InferenceUnit"/>) the trial belongs to.</summary>
public sealed record SpeakerResult(string Variant, string Speaker, int Fold, int Seed, int Clips, double UnweightedAccuracy, double WeightedAccuracy,
    string Unit, string UnitKind);
