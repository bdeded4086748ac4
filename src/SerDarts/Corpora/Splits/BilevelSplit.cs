namespace SerDarts.Corpora;

/// <summary>
/// Splits a training fold for DARTS' bilevel search: network weights learn on one part, architecture weights on
/// the other. Stratified by emotion: each class contributes round(portion * n) utterances, drawn by seed, to
/// the weight part. Both parts keep the input order.
/// </summary>
public static class BilevelSplit
{
    public static (IReadOnlyList<Utterance> Weights, IReadOnlyList<Utterance> Architecture) Split(
        IReadOnlyList<Utterance> train, double portion, int seed)
    {
        ArgumentNullException.ThrowIfNull(train);
        if (!(portion > 0 && portion < 1))
            throw new ArgumentOutOfRangeException(nameof(portion), portion, "the weight portion must lie strictly between 0 and 1");
        var rng = new SeededRandom(seed);
        var toWeights = new bool[train.Count];
        var classes = Enumerable.Range(0, train.Count).GroupBy(i => train[i].Emotion).OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var members in classes)
        {
            var indices = members.ToList();
            rng.Shuffle(indices);
            int take = (int)Math.Round(portion * indices.Count, MidpointRounding.AwayFromZero);
            foreach (var i in indices.Take(take))
                toWeights[i] = true;
        }
        return (train.Where((_, i) => toWeights[i]).ToList(), train.Where((_, i) => !toWeights[i]).ToList());
    }
}
