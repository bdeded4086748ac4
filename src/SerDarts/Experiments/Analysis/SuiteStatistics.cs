using SerDarts.Corpora;
using SerDarts.Experiments.Outcomes;
using SerDarts.Experiments.Store;
using SerDarts.Runs;
using SerDarts.Statistics;
using SerDarts.Training;

namespace SerDarts.Experiments.Analysis;

/// <summary>
/// The statistics a comparison needs, from the trials of a suite: per test speaker and seed, each level's summary
/// with its CI over independent units (sessions under loso, else folds), pooled metrics and per-emotion recall,
/// and each level against its factor's reference with a paired difference per unit, its CI, a Wilcoxon
/// signed-rank p-value, the smallest p-value that test can reach and the Holm-adjusted p-value.
/// </summary>
public static class SuiteStatistics
{
    /// <summary>Clip-duration buckets (seconds) of the duration view.</summary>
    public static IReadOnlyList<double> DurationEdges { get; } = [0, 2, 4, 6, 8, double.PositiveInfinity];

    /// <summary>Per variant, per trial, per test speaker: UA and WA over the speaker's clips. A trial stored without
    /// per-clip predictions counts as one observation of its fold (speaker "fold N"). <paramref name="unitOf"/> names
    /// each trial's independent unit (default: its fold).</summary>
    public static IReadOnlyList<SpeakerResult> Speakers(IReadOnlyList<VariantRow> variants, IReadOnlyList<TrialMetricRow> trials,
        Func<long, IReadOnlyList<ClipPrediction>> predictions, Func<TrialMetricRow, InferenceUnit>? unitOf = null)
    {
        unitOf ??= t => InferenceUnit.Of(null, t.Fold, null);
        var results = new List<SpeakerResult>();
        var bySpec = trials.ToLookup(t => t.SpecHash);
        foreach (var variant in variants)
            foreach (var trial in bySpec[variant.SpecHash])
            {
                var clips = predictions(trial.TrialId);
                var unit = unitOf(trial);
                if (clips.Count == 0)
                {
                    results.Add(new SpeakerResult(variant.Variant, $"fold {trial.Fold}", trial.Fold, trial.Seed, 0,
                        trial.UnweightedAccuracy, trial.WeightedAccuracy, unit.Key, unit.Kind));
                    continue;
                }
                foreach (var speaker in clips.GroupBy(c => c.Speaker).OrderBy(g => g.Key, StringComparer.Ordinal))
                {
                    var report = ClassificationMetrics.Compute(speaker.Select(c => c.Truth).ToList(), speaker.Select(c => c.Predicted).ToList(),
                        EmotionClasses.FourClass);
                    results.Add(new SpeakerResult(variant.Variant, speaker.Key, trial.Fold, trial.Seed, speaker.Count(),
                        report.UnweightedAccuracy, report.WeightedAccuracy, unit.Key, unit.Kind));
                }
            }
        return results;
    }

    public static IReadOnlyList<LevelStatistics> Levels(IReadOnlyList<VariantRow> variants, IReadOnlyList<SpeakerResult> speakers,
        Func<string, string> protocol, BootstrapOptions? options = null)
    {
        var byVariant = speakers.ToLookup(s => s.Variant);
        return variants.Select(v =>
        {
            var rows = byVariant[v.Variant].ToList();
            var trials = rows.Select(r => (r.Fold, r.Seed)).Distinct().Count();
            return new LevelStatistics(v, trials,
                rows.Count == 0 ? null : LevelSummary.Of(Observations(rows, r => r.UnweightedAccuracy), options),
                rows.Count == 0 ? null : LevelSummary.Of(Observations(rows, r => r.WeightedAccuracy), options),
                protocol(v.SpecHash), InferenceUnit.KindOf(rows.Select(r => r.UnitKind)));
        }).ToList();
    }

    /// <summary>Per variant with stored predictions: UA and WA over all of its test clips pooled, and each emotion's
    /// recall with a bootstrap CI that resamples the units of <paramref name="unitOf"/> (a unit's clips together).</summary>
    public static IReadOnlyDictionary<string, PooledMetrics> Pooled(IReadOnlyList<VariantRow> variants, IReadOnlyList<TrialMetricRow> trials,
        Func<long, IReadOnlyList<ClipPrediction>> predictions, Func<TrialMetricRow, InferenceUnit> unitOf, BootstrapOptions? options = null)
    {
        var bySpec = trials.ToLookup(t => t.SpecHash);
        var pooled = new Dictionary<string, PooledMetrics>(StringComparer.Ordinal);
        foreach (var variant in variants)
        {
            var clips = bySpec[variant.SpecHash].SelectMany(t => predictions(t.TrialId).Select(c => (Unit: unitOf(t).Key, Clip: c))).ToList();
            if (clips.Count == 0) continue;
            var report = ClassificationMetrics.Compute(clips.Select(c => c.Clip.Truth).ToList(), clips.Select(c => c.Clip.Predicted).ToList(),
                EmotionClasses.FourClass);
            var recall = new List<EmotionRecall>();
            for (int e = 0; e < EmotionClasses.FourClass.Count; e++)
            {
                var units = clips.Where(c => c.Clip.Truth == e).GroupBy(c => c.Unit, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
                    .Select(g => (IReadOnlyList<double>)g.Select(c => c.Clip.Predicted == e ? 1.0 : 0.0).ToList()).ToList();
                if (units.Count == 0) continue;
                var hits = units.SelectMany(u => u).ToList();
                recall.Add(new EmotionRecall(EmotionClasses.FourClass[e], hits.Count, hits.Average(), Bootstrap.PercentileInterval(units, options), units.Count));
            }
            pooled[variant.Variant] = new PooledMetrics(clips.Count, report.UnweightedAccuracy, report.WeightedAccuracy, recall);
        }
        return pooled;
    }

    /// <summary>Every non-reference level of every factor against the factor's first level (UA, paired on speaker and
    /// seed, one difference per unit), with Holm's adjustment across the factor's compared levels.</summary>
    public static IReadOnlyList<LevelComparison> Comparisons(IReadOnlyList<VariantRow> variants, IReadOnlyList<SpeakerResult> speakers,
        Func<string, string> protocolKey, BootstrapOptions? options = null)
    {
        var byVariant = speakers.ToLookup(s => s.Variant);
        var comparisons = new List<LevelComparison>();
        foreach (var factor in variants.GroupBy(v => (v.Suite, v.Factor)))
        {
            var levels = factor.OrderBy(v => v.Ordinal).ToList();
            var reference = levels[0];
            var family = new List<LevelComparison>();
            foreach (var level in levels.Skip(1))
            {
                var (a, b) = (byVariant[reference.Variant].ToList(), byVariant[level.Variant].ToList());
                string? problem =
                    a.Count == 0 || b.Count == 0 ? "no completed trials on one side"
                    : protocolKey(reference.SpecHash) != protocolKey(level.SpecHash) ? "different protocols: not compared"
                    : !a.Any(x => b.Any(y => (y.Speaker, y.Seed) == (x.Speaker, x.Seed))) ? "no (speaker, seed) pair in common"
                    : null;
                var comparison = problem is null
                    ? PairedComparison.Of(Observations(a, r => r.UnweightedAccuracy), Observations(b, r => r.UnweightedAccuracy), options)
                    : null;
                family.Add(new LevelComparison(reference.Suite, factor.Key.Factor, reference.Level, level.Level, level.Variant, comparison, problem,
                    InferenceUnit.KindOf(a.Concat(b).Select(r => r.UnitKind))));
            }
            var tested = family.Select((c, i) => (c, i)).Where(x => x.c.Ua is not null).ToList();
            var adjusted = Holm.Adjust(tested.Select(x => x.c.Ua!.Wilcoxon.PValue).ToList());
            for (int k = 0; k < tested.Count; k++)
                family[tested[k].i] = tested[k].c with { PHolm = adjusted[k] };
            comparisons.AddRange(family);
        }
        return comparisons;
    }

    /// <summary>The authors' way of scoring (jayaneetha/emoDARTS' augment.py): per trial, the best test UA and the
    /// best test WA over its epochs, each maximised separately, as one observation of its fold, in the same unit as the
    /// honest observations of that fold so that both are reduced to units the same way.</summary>
    public static IReadOnlyList<SpeakerResult> BestOnTest(IReadOnlyList<VariantRow> variants, IReadOnlyList<TrialMetricRow> trials,
        Func<long, IReadOnlyList<EpochRecord>> epochs, Func<TrialMetricRow, InferenceUnit>? unitOf = null)
    {
        unitOf ??= t => InferenceUnit.Of(null, t.Fold, null);
        var bySpec = trials.ToLookup(t => t.SpecHash);
        return variants.SelectMany(v => bySpec[v.SpecHash].Select(t => (Trial: t, Epochs: epochs(t.TrialId), Unit: unitOf(t)))
                .Where(x => x.Epochs.Any(e => double.IsFinite(e.TestUnweightedAccuracy)))
                .Select(x => new SpeakerResult(v.Variant, $"fold {x.Trial.Fold}", x.Trial.Fold, x.Trial.Seed, 0,
                    x.Epochs.Max(e => e.TestUnweightedAccuracy), x.Epochs.Max(e => e.TestWeightedAccuracy), x.Unit.Key, x.Unit.Kind)))
            .ToList();
    }

    /// <summary>UA by clip duration per variant, pooled over its trials' test clips.</summary>
    public static IReadOnlyList<DurationBucket> ByDuration(IReadOnlyList<VariantRow> variants, IReadOnlyList<TrialMetricRow> trials,
        Func<long, IReadOnlyList<ClipPrediction>> predictions)
    {
        var bySpec = trials.ToLookup(t => t.SpecHash);
        var buckets = new List<DurationBucket>();
        foreach (var variant in variants)
        {
            var clips = bySpec[variant.SpecHash].SelectMany(t => predictions(t.TrialId)).ToList();
            for (int b = 0; b + 1 < DurationEdges.Count; b++)
            {
                var (from, to) = (DurationEdges[b], DurationEdges[b + 1]);
                var inside = clips.Where(c => c.DurationSeconds >= from && c.DurationSeconds < to).ToList();
                if (inside.Count == 0) continue;
                var report = ClassificationMetrics.Compute(inside.Select(c => c.Truth).ToList(), inside.Select(c => c.Predicted).ToList(),
                    EmotionClasses.FourClass);
                buckets.Add(new DurationBucket(variant.Variant, from, to, inside.Count, report.UnweightedAccuracy));
            }
        }
        return buckets;
    }

    private static List<Observation> Observations(IEnumerable<SpeakerResult> rows, Func<SpeakerResult, double> metric) =>
        rows.Select(r => new Observation(r.Speaker, r.Seed, metric(r), r.Unit)).ToList();
}
