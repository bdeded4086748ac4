using System.Globalization;
using Microsoft.Data.Analysis;
using SerDarts.Experiments.Analysis;
using SerDarts.Experiments.Store;
using SerDarts.Search;

namespace SerDarts.Reporting;

/// <summary>
/// The genotype stability of the trials that searched several times (search.repeats): per trial the number of
/// searches, the mean pairwise Jaccard of their derived edges per cell, the repeat kept and whether the search
/// was unstable. Null when no trial repeated its search.
/// </summary>
public static class StabilityTable
{
    public const string Title = "genotype stability of repeated searches (search.repeats): mean pairwise Jaccard of derived edges, 1 = identical";

    public static DataFrame? Create(ResultsStore store, string? suite)
    {
        var rows = store.ReadTrialMetrics(suite)
            .Select(m => (Trial: m, Repeats: store.ReadSearchRepeats(m.TrialId)))
            .Where(r => r.Repeats is not null)
            .OrderBy(r => r.Trial.TrialId).ToList();
        if (rows.Count == 0) return null;
        return new FrameBuilder<(TrialMetricRow Trial, SearchRepeats? Repeats)>(rows)
            .Integer("trial", r => r.Trial.TrialId).Integer("fold", r => r.Trial.Fold).Integer("seed", r => r.Trial.Seed)
            .Integer("searches", r => r.Repeats!.Runs.Count)
            .Text("normal", r => r.Repeats!.NormalStability.ToString("0.000", CultureInfo.InvariantCulture))
            .Text("reduce", r => r.Repeats!.ReduceStability.ToString("0.000", CultureInfo.InvariantCulture))
            .Integer("kept", r => r.Repeats!.Chosen)
            .Text("stable", r => r.Repeats!.NormalStability < GenotypeStability.UnstableBelow ? "no" : "yes")
            .Build();
    }
}
