using SerDarts.Statistics;

namespace SerDarts.Experiments.Analysis;

/// <summary>Recall of one emotion over a level's pooled test clips (<paramref name="Clips"/> of that emotion), with
/// the percentile bootstrap interval that resamples <paramref name="Units"/> independent units, each unit's clips
/// kept together.</summary>
public sealed record EmotionRecall(string Emotion, int Clips, double Recall, Interval Ci, int Units);
