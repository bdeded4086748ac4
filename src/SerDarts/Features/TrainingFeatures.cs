namespace SerDarts.Features;

/// <summary>
/// The training part of a fold with its augmented copies: rows 0 .. <see cref="OriginalCount"/> - 1 of
/// <see cref="Set"/> are the plain grids of the training utterances in order, the rest their augmented copies
/// (id "utterance#transform"). <see cref="Sources"/>[row] is the training utterance a row comes from, so
/// anything that splits the training utterances (DARTS' bilevel halves) can keep each copy with its clip.
/// Owns the set.
/// </summary>
public sealed class TrainingFeatures : IDisposable
{
    internal TrainingFeatures() { }

    public required FeatureSet Set { get; init; }

    public required int OriginalCount { get; init; }

    /// <summary>Per row, the index of its training utterance.</summary>
    public required IReadOnlyList<int> Sources { get; init; }

    /// <summary>Per row, the canonical string of its waveform transform; null for the original clips.</summary>
    public required IReadOnlyList<string?> Transforms { get; init; }

    /// <summary>The rows of the given training utterances and of their copies, in row order.</summary>
    public IReadOnlyList<int> RowsOf(IEnumerable<int> utterances)
    {
        var wanted = utterances.ToHashSet();
        return Enumerable.Range(0, Set.Count).Where(r => wanted.Contains(Sources[r])).ToArray();
    }

    /// <summary>
    /// Training-fold statistics from the original clips only: the normaliser, and so the normalised validation
    /// and test inputs, are then the same with and without augmentation.
    /// </summary>
    public FeatureNormalizer FitNormalizer()
    {
        using var originals = Set.Select(Enumerable.Range(0, OriginalCount).ToArray());
        return FeatureNormalizer.FitOnTraining(originals);
    }

    public void Dispose() => Set.Dispose();
}
