namespace SerDarts.Corpora;

/// <summary>
/// What a corpus scan found: every labelled utterance (4-class labels and others kept under their own names),
/// the files it could not use, and how many utterances carry each label outside the 4-class set.
/// </summary>
/// <param name="Utterances">Labelled utterances, ordered by id.</param>
/// <param name="Skipped">Files left out, with the reason, ordered by path.</param>
/// <param name="DroppedLabels">Labels outside neutral/happy/sad/angry and their counts: what <see cref="FourClass"/> drops.</param>
public sealed record CorpusScan(
    IReadOnlyList<Utterance> Utterances,
    IReadOnlyList<SkippedFile> Skipped,
    IReadOnlyDictionary<string, int> DroppedLabels)
{
    /// <summary>Only the neutral, happy, sad and angry utterances; skipped files and dropped counts are kept.</summary>
    public CorpusScan FourClass() => this with { Utterances = Utterances.Where(u => EmotionClasses.IsFourClass(u.Emotion)).ToList() };

    /// <summary>
    /// This scan without the utterances whose files are listed in <paramref name="unusable"/>, which join
    /// <see cref="Skipped"/> (sorted by path, then reason); dropped-label counts lose the removed utterances.
    /// </summary>
    public CorpusScan Without(IReadOnlyCollection<SkippedFile> unusable)
    {
        var paths = unusable.Select(s => s.Path).ToHashSet(StringComparer.Ordinal);
        var removed = Utterances.Where(u => paths.Contains(u.Path)).ToList();
        var dropped = new SortedDictionary<string, int>(DroppedLabels.ToDictionary(), StringComparer.Ordinal);
        foreach (var u in removed.Where(u => dropped.ContainsKey(u.Emotion)))
            if (--dropped[u.Emotion] == 0) dropped.Remove(u.Emotion);
        return new CorpusScan(
            Utterances.Where(u => !paths.Contains(u.Path)).ToList(),
            Skipped.Concat(unusable).OrderBy(s => s.Path, StringComparer.Ordinal).ThenBy(s => s.Reason, StringComparer.Ordinal).ToList(),
            dropped);
    }

    /// <summary>Counts per class, speaker and session of the 4-class view, for reports and `corpus inspect`.</summary>
    public CorpusSummary Summarize() => CorpusSummary.Of(this);

    /// <summary>Provenance: SHA-256 over the sorted ids, labels, speakers and file sizes of all utterances.</summary>
    public string Hash() => ManifestHash.Compute(Utterances);

    /// <summary>Utterances per 4-class label, in class-index order.</summary>
    public IReadOnlyList<int> ClassCounts() =>
        EmotionClasses.FourClass.Select(c => Utterances.Count(u => u.Emotion == c)).ToList();

    /// <summary>Distinct speakers, sorted.</summary>
    public IReadOnlyList<string> Speakers() => Utterances.Select(u => u.Speaker).Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>Distinct sessions, sorted.</summary>
    public IReadOnlyList<string> Sessions() => Utterances.Select(u => u.Session).Distinct().Order(StringComparer.Ordinal).ToList();
}
