namespace SerDarts.Experiments.Analysis;

/// <summary>A level's metrics over all of its test clips pooled (every fold and seed): UA (mean per-class recall)
/// and WA (accuracy) beside the per-unit means, and the recall of each emotion with its CI over units.</summary>
public sealed record PooledMetrics(int Clips, double Ua, double Wa, IReadOnlyList<EmotionRecall> Recall);
