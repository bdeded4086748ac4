namespace SerDarts.Corpora;

/// <summary>
/// What `corpus inspect` reports. Counts, speakers, sessions and duration are those of the 4-class view;
/// <see cref="DroppedLabels"/> counts the labelled utterances outside it.
/// </summary>
public sealed record CorpusSummary(
    int Utterances,
    IReadOnlyList<int> Classes,
    int Speakers,
    int Sessions,
    double DurationSeconds,
    IReadOnlyDictionary<string, int> DroppedLabels,
    IReadOnlyList<SkippedFile> Skipped,
    IReadOnlyList<SpeakerCounts> BySpeaker)
{
    /// <summary>Count of a 4-class label by name.</summary>
    public int this[string emotion] => Classes[EmotionClasses.IndexOf(emotion) is var i and >= 0 ? i : throw new ArgumentException($"'{emotion}' is not one of the 4 classes")];

    public static CorpusSummary Of(CorpusScan scan)
    {
        var four = scan.FourClass();
        var bySpeaker = four.Utterances
            .GroupBy(u => (u.Session, u.Speaker))
            .OrderBy(g => g.Key.Session, StringComparer.Ordinal).ThenBy(g => g.Key.Speaker, StringComparer.Ordinal)
            .Select(g => new SpeakerCounts(g.Key.Session, g.Key.Speaker,
                EmotionClasses.FourClass.Select(c => g.Count(u => u.Emotion == c)).ToList(), g.Sum(u => u.DurationSeconds)))
            .ToList();
        return new CorpusSummary(
            four.Utterances.Count,
            four.ClassCounts(),
            four.Speakers().Count,
            four.Sessions().Count,
            four.Utterances.Sum(u => u.DurationSeconds),
            scan.DroppedLabels,
            scan.Skipped,
            bySpeaker);
    }

    /// <summary>The `corpus inspect --json` object (see <see cref="CorpusSummaryJson"/>).</summary>
    public string ToJson() => CorpusSummaryJson.Write(this);
}
