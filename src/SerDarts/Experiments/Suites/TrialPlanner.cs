using SerDarts.Experiments.Specs;

namespace SerDarts.Experiments.Suites;

/// <summary>Turns variants into the distinct trials to run: variant x fold x seed, in order, each
/// (spec hash, fold, seed) once (variants equal to the base share its trials).</summary>
public static class TrialPlanner
{
    public static IReadOnlyList<TrialSpec> Plan(IReadOnlyList<SuiteVariant> variants, Func<ExperimentSpec, int> countFolds)
    {
        var foldCounts = new Dictionary<(string, string?, string), int>();
        var seen = new HashSet<(string, int, int)>();
        var trials = new List<TrialSpec>();
        foreach (var variant in variants)
        {
            var spec = variant.Spec;
            var key = (spec.Corpus.Name, spec.Corpus.Root, spec.Split.Protocol);
            if (!foldCounts.TryGetValue(key, out var count)) foldCounts[key] = count = countFolds(spec);
            var folds = spec.Folds ?? Enumerable.Range(0, count).ToList();
            var missing = folds.Where(f => f >= count).ToList();
            if (missing.Count > 0)
                throw new ArgumentException($"variant '{variant.Name}': fold {string.Join(", ", missing)} does not exist; split " +
                                            $"'{spec.Split}' of corpus '{spec.Corpus.Name}' has {count} folds (0..{count - 1})");
            foreach (var fold in folds)
                foreach (var seed in spec.Seeds)
                    if (seen.Add((variant.SpecHash, fold, seed)))
                        trials.Add(new TrialSpec(spec, fold, seed));
        }
        return trials;
    }
}
