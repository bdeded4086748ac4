using SerDarts.Corpora;
using SerDarts.Experiments.Specs;
using SerDarts.Experiments.Store;
using SerDarts.Statistics;

namespace SerDarts.Experiments.Analysis;

/// <summary>A variant's level of its factor, summarised over its independent units (<see cref="Unit"/>: each unit's
/// (test speaker, seed) observations averaged first): mean, sample std and the bootstrap CI over units, under
/// <see cref="Protocol"/> (field by field: <see cref="Fingerprint"/>); <see cref="Pooled"/> scores all of its test clips at once. Null summaries mean no
/// completed trial; a null <see cref="Pooled"/>, no stored predictions.</summary>
public sealed record LevelStatistics(VariantRow Variant, int Trials, LevelSummary? Ua, LevelSummary? Wa, string Protocol,
    string Unit = InferenceUnit.Fold, PooledMetrics? Pooled = null, ProtocolFingerprint? Fingerprint = null);
