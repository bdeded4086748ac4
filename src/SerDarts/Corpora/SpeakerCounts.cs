namespace SerDarts.Corpora;

/// <summary>Utterances of one speaker in one session, per 4-class label (class-index order).</summary>
public sealed record SpeakerCounts(string Session, string Speaker, IReadOnlyList<int> Classes, double DurationSeconds)
{
    public int Total => Classes.Sum();
}
