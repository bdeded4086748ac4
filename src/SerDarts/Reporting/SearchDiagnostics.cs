using System.Globalization;
using SerDarts.Experiments.Store;
using SerDarts.Search;

namespace SerDarts.Reporting;

/// <summary>
/// What a reader needs to judge one stored search: its epochs (entropies, supernet UA, changed edges, skips) and
/// the trial's warnings, such as "the architecture weights did not move". Shown in the report's DARTS section and,
/// through its kernel view, in notebook 03.
/// </summary>
/// <remarks><see cref="Repeats"/>: with search.repeats &gt; 1, every search of the trial and the genotype stability.</remarks>
public sealed record SearchDiagnostics(long TrialId, string Where, IReadOnlyList<SearchEpochRecord> Epochs, IReadOnlyList<string> Warnings,
    SearchRepeats? Repeats = null)
{
    public static SearchDiagnostics Read(ResultsStore store, long trialId, string? where = null) =>
        new(trialId, where ?? $"trial {trialId}", store.ReadSearchEpochs(trialId), store.ReadWarnings(trialId), store.ReadSearchRepeats(trialId));

    /// <summary>The stability of repeated searches in one sentence, or null for a single search.</summary>
    public string? StabilitySummary() => Repeats is not { } r ? null : string.Create(CultureInfo.InvariantCulture,
        $"{r.Runs.Count} searches (search.repeats): genotype stability, the mean pairwise Jaccard of derived edges, is {r.NormalStability:F3} (normal) and {r.ReduceStability:F3} (reduce), 1 = identical; ")
        + string.Create(CultureInfo.InvariantCulture,
            $"repeat {r.Chosen} was kept (briefly trained validation UA {r.Runs[r.Chosen].TrainedValidationUnweightedAccuracy * 100:F2}%)")
        + (r.NormalStability < GenotypeStability.UnstableBelow ? "; the search is unstable." : ".");

    /// <summary>The three-panel chart; null without search epochs (a baseline, or a search stored without them).</summary>
    public PlotlyFigure? Chart() => Epochs.Count == 0 ? null : SearchDiagnosticsChart.Create(Epochs, $"search diagnostics, {Where}");

    /// <summary>How the last epoch ended, in one sentence.</summary>
    public string Summary()
    {
        if (Epochs.Count == 0) return $"{Where}: no search epochs stored.";
        var last = Epochs[^1];
        return (StabilitySummary() is { } stability ? stability + " " : "") + string.Create(CultureInfo.InvariantCulture,
            $"{Where}: {Epochs.Count} search epoch(s); at epoch {last.Epoch} the mean normalised entropy is {last.NormalEntropy:F3} (normal) and ")
            + string.Create(CultureInfo.InvariantCulture,
                $"{last.ReduceEntropy:F3} (reduce), 1 = uniform, below {ArchitectureDiagnostics.FlatEntropy} the normal cell has moved; ")
            + string.Create(CultureInfo.InvariantCulture,
                $"supernet validation UA {last.ValidationUnweightedAccuracy * 100:F2}%, {last.GenotypeChanges} genotype edge(s) changed, {last.NormalSkipCount} normal-cell skip connection(s).");
    }
}
