using System.Text.Json.Serialization;

namespace SerDarts.Search;

/// <summary>
/// Several searches of one trial (search.repeats): each repeat, the one kept (best validation UA of its briefly
/// trained genotype, as DARTS' authors chose among four searches; ties: the first) and the genotypes' stability
/// (<see cref="GenotypeStability"/>, per cell). <paramref name="Warning"/> says when the normal cell is unstable.
/// </summary>
[JsonNumberHandling(JsonNumberHandling.AllowNamedFloatingPointLiterals)]
public sealed record SearchRepeats(IReadOnlyList<SearchRepeat> Runs, int Chosen, double NormalStability, double ReduceStability,
    string? Warning)
{
    public static SearchRepeats From(IReadOnlyList<SearchRepeat> runs, IReadOnlyList<Networks.Genotype> genotypes)
    {
        if (runs.Count == 0 || runs.Count != genotypes.Count) throw new ArgumentException("one genotype per repeat, at least one repeat");
        int chosen = 0;
        for (int i = 1; i < runs.Count; i++)
            if (runs[i].TrainedValidationUnweightedAccuracy > runs[chosen].TrainedValidationUnweightedAccuracy) chosen = i;
        var (normal, reduce) = GenotypeStability.Of(genotypes);
        string? warning = normal < GenotypeStability.UnstableBelow
            ? FormattableString.Invariant($"the search is unstable: {runs.Count} repeats share on average {normal:F2} of their normal-cell edges (mean pairwise Jaccard; reduce {reduce:F2}), so one search's genotype is close to a draw")
            : null;
        return new SearchRepeats(runs, chosen, normal, reduce, warning);
    }
}
