using SerDarts.Corpora;
using SerDarts.Statistics;

namespace SerDarts.Experiments.Analysis;

/// <summary>A level against its factor's reference level (the factor's first), paired over (speaker, seed) and then
/// reduced to one difference per <see cref="Unit"/>: differences are level minus reference. <see cref="PHolm"/> is
/// the Holm-adjusted p-value across the factor's compared levels. <see cref="Problem"/> says why no comparison
/// could be made.</summary>
public sealed record LevelComparison(string Suite, string Factor, string Reference, string Level, string Variant,
    PairedComparison? Ua, string? Problem, string Unit = InferenceUnit.Fold, double? PHolm = null);
