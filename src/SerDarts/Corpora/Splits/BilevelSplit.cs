namespace SerDarts.Corpora;

/// <summary>
/// Splits a training fold for DARTS' bilevel search: network weights learn on one part, architecture weights on
/// the other. <c>Split</c> (search.bilevel = clips) is stratified by emotion: each class contributes
/// round(portion * n) utterances, drawn by seed, to the weight part. <see cref="BySpeakers"/> (speakers) gives whole
/// speakers to each part. Both parts keep the input order.
/// </summary>
public static class BilevelSplit
{
    public const string Clips = "clips", Speakers = "speakers";

    /// <summary>The halves <paramref name="mode"/> (<see cref="Clips"/> or <see cref="Speakers"/>) asks for.</summary>
    public static (IReadOnlyList<Utterance> Weights, IReadOnlyList<Utterance> Architecture) Split(
        IReadOnlyList<Utterance> train, double portion, int seed, string mode) => mode switch
    {
        Clips => Split(train, portion, seed),
        Speakers => BySpeakers(train, portion, seed),
        _ => throw new ArgumentException($"search.bilevel '{mode}' is not {Clips} or {Speakers}"),
    };

    /// <summary>
    /// Whole speakers to the weight part, the others to the architecture part, with the weight part's clip count as
    /// close to portion x n as any set of whole speakers allows (both parts non-empty). Exact: a subset-sum over the
    /// speakers' clip counts, speakers taken in a seed-shuffled order so that equally close sets are chosen by seed;
    /// among equally close counts the smaller wins.
    /// </summary>
    public static (IReadOnlyList<Utterance> Weights, IReadOnlyList<Utterance> Architecture) BySpeakers(
        IReadOnlyList<Utterance> train, double portion, int seed)
    {
        ArgumentNullException.ThrowIfNull(train);
        if (!(portion > 0 && portion < 1))
            throw new ArgumentOutOfRangeException(nameof(portion), portion, "the weight portion must lie strictly between 0 and 1");
        var speakers = train.Select(u => u.Speaker).Distinct().Order(StringComparer.Ordinal).ToList();
        if (speakers.Count < 2)
            throw new ArgumentException($"search.bilevel 'speakers' needs at least 2 training speakers; the fold has {speakers.Count}");
        new SeededRandom(seed, 0x5350).Shuffle(speakers);
        var sizes = speakers.Select(s => train.Count(u => u.Speaker == s)).ToArray();
        int n = train.Count;
        // reached[c]: the index of the speaker whose addition first reached c clips (-1: not reached), in shuffled order.
        var reached = Enumerable.Repeat(-2, n + 1).ToArray();
        reached[0] = -1;
        for (int i = 0; i < sizes.Length; i++)
            for (int c = n; c >= sizes[i]; c--)
                if (reached[c] == -2 && reached[c - sizes[i]] != -2 && reached[c - sizes[i]] < i) reached[c] = i;
        double target = portion * n;
        int best = Enumerable.Range(1, n - 1).Where(c => reached[c] != -2)
            .OrderBy(c => Math.Abs(c - target)).ThenBy(c => c).First();
        var chosen = new HashSet<string>(StringComparer.Ordinal);
        for (int c = best; c > 0; c -= sizes[reached[c]]) chosen.Add(speakers[reached[c]]);
        return (train.Where(u => chosen.Contains(u.Speaker)).ToList(), train.Where(u => !chosen.Contains(u.Speaker)).ToList());
    }

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
