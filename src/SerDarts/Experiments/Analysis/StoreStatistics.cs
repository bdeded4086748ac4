using SerDarts.Experiments.Outcomes;
using SerDarts.Experiments.Specs;
using SerDarts.Experiments.Store;

namespace SerDarts.Experiments.Analysis;

/// <summary>What a store's rows say about its suites: the aggregates per variant and a suite's statistics. The store
/// only stores and reads rows (<see cref="ResultsStore"/>); these compute from them.</summary>
public static class StoreStatistics
{
    /// <summary>Mean and sample standard deviation per variant of a suite (or of every suite).</summary>
    public static IReadOnlyList<VariantAggregate> ReadAggregates(this ResultsStore store, string? suite = null) =>
        Aggregation.ByVariant(store.ReadVariants(suite), store.ReadTrialMetrics(suite));

    /// <summary>A suite's statistics: per test speaker and seed, per level (with CIs), per factor level against its
    /// reference (paired difference, CI, Wilcoxon), and UA by clip duration; each level names its protocol.</summary>
    public static SuiteReport ReadStatistics(this ResultsStore store, string suite, Statistics.BootstrapOptions? options = null) =>
        Compute(store, suite, store.ReadVariants(suite), store.ReadTrialMetrics(suite), options);

    /// <summary>The same statistics for any stored variants under one label, e.g. two network kinds that a notebook
    /// ran as separate specs, set side by side as the levels of one factor (the first is the reference).</summary>
    public static SuiteReport ReadVariantStatistics(this ResultsStore store, string label, IReadOnlyList<VariantRow> variants, Statistics.BootstrapOptions? options = null)
    {
        var hashes = variants.Select(v => v.SpecHash).ToHashSet(StringComparer.Ordinal);
        return Compute(store, label, variants, store.ReadTrialMetrics().Where(t => hashes.Contains(t.SpecHash)).ToList(), options);
    }

    private static SuiteReport Compute(ResultsStore store, string suite, IReadOnlyList<VariantRow> variants, IReadOnlyList<TrialMetricRow> trials,
        Statistics.BootstrapOptions? options)
    {
        var specs = variants.Select(v => v.SpecHash).Distinct().ToDictionary(h => h, h => store.ReadSpec(h));
        var predictions = trials.ToDictionary(t => t.TrialId, t => store.ReadPredictions(t.TrialId));
        IReadOnlyList<ClipPrediction> Clips(long id) => predictions.TryGetValue(id, out var p) ? p : [];
        string Protocol(string hash) => specs[hash] is { } spec ? ProtocolDescription.Of(spec) : "unknown protocol";
        string Key(string hash) => specs[hash] is { } spec ? ProtocolDescription.Key(spec) : hash;
        var foldNames = store.ReadFoldNames(trials.Select(t => t.TrialId).ToHashSet());
        InferenceUnit Unit(TrialMetricRow t) => InferenceUnit.Of(specs.GetValueOrDefault(t.SpecHash)?.Split.Protocol, t.Fold, foldNames.GetValueOrDefault(t.TrialId));
        var speakers = SuiteStatistics.Speakers(variants, trials, Clips, Unit);
        var bestOnTest = SuiteStatistics.BestOnTest(variants, trials, store.ReadEpochs, Unit);
        string OptimisticProtocol(string hash) => specs[hash] is { } spec ? ProtocolDescription.Of(spec, ProtocolDescription.Optimistic) : "unknown protocol";
        var pooled = SuiteStatistics.Pooled(variants, trials, Clips, Unit, options);
        ProtocolFingerprint? Fingerprint(string hash, string scoring) => specs[hash] is { } spec ? ProtocolFingerprint.Of(spec, scoring) : null;
        var levels = SuiteStatistics.Levels(variants, speakers, Protocol, options)
            .Select(l => l with { Fingerprint = Fingerprint(l.Variant.SpecHash, ProtocolDescription.Honest) })
            .Select(l => pooled.TryGetValue(l.Variant.Variant, out var p) ? l with { Pooled = p } : l).ToList();
        var optimistic = SuiteStatistics.Levels(variants, bestOnTest, OptimisticProtocol, options)
            .Select(l => l with { Fingerprint = Fingerprint(l.Variant.SpecHash, ProtocolDescription.Optimistic) }).ToList();
        return new SuiteReport(suite, speakers, levels,
            SuiteStatistics.Comparisons(variants, speakers, Key, options), SuiteStatistics.ByDuration(variants, trials, Clips), optimistic);
    }
}
