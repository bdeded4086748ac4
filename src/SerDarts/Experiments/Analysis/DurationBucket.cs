using SerDarts.Corpora;
using SerDarts.Statistics;

namespace SerDarts.Experiments.Analysis;

/// <summary>UA of a variant's test clips whose duration falls in [From, To) seconds, pooled over its trials.</summary>
public sealed record DurationBucket(string Variant, double From, double To, int Clips, double UnweightedAccuracy);
