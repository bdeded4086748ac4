namespace SerDarts.Corpora;

/// <summary>Leave-one-session-out in both orientations (loso) and in one seed-chosen orientation (loso-single).</summary>
internal static class SessionSplits
{
    /// <summary>Every speaker of a held-out session is tested once, validated by the session's other speakers, or with
    /// <paramref name="otherSession"/> by <see cref="OtherSessionSpeaker"/> (taken out of training; the session's
    /// other speakers then neither train nor validate).</summary>
    public static List<Fold> BothOrientations(IReadOnlyList<Utterance> utterances, int seed, bool otherSession = false)
    {
        var folds = new List<Fold>();
        var sessions = Sessions(utterances);
        foreach (var session in sessions)
        {
            var held = Splits.SpeakersWhere(utterances, u => u.Session == session);
            foreach (var speaker in held)
            {
                var validation = otherSession ? [OtherSessionSpeaker(utterances, sessions, session, held.IndexOf(speaker))]
                    : held.Count >= 2
                    ? held.Where(s => s != speaker).ToList()
                    : [Splits.Pick(Splits.SpeakersWhere(utterances, u => u.Session != session), new SeededRandom(seed, folds.Count))];
                folds.Add(Splits.Build(folds.Count, session, utterances, [speaker], validation, u => u.Session != session));
            }
        }
        return folds;
    }

    /// <summary>
    /// The validation speaker of split.validation = other-session for the test speaker at <paramref name="position"/>
    /// (ordinal order) of <paramref name="session"/>: the speaker at the same position (modulo its size) of the next
    /// session in ordinal order, wrapping round. IEMOCAP: Ses01F validates on Ses02F, Ses01M on Ses02M, Ses05F on Ses01F.
    /// </summary>
    internal static string OtherSessionSpeaker(IReadOnlyList<Utterance> utterances, IReadOnlyList<string> sessions, string session, int position)
    {
        if (sessions.Count < 2) throw new ArgumentException("split.validation other-session needs at least 2 sessions");
        var next = sessions[(sessions.ToList().IndexOf(session) + 1) % sessions.Count];
        var speakers = Splits.SpeakersWhere(utterances, u => u.Session == next);
        return speakers[position % speakers.Count];
    }

    /// <summary>One fold per session: a seed-chosen speaker of the session validates, the others are tested.</summary>
    public static List<Fold> SingleOrientation(IReadOnlyList<Utterance> utterances, int seed)
    {
        var folds = new List<Fold>();
        foreach (var session in Sessions(utterances))
        {
            var rng = new SeededRandom(seed, folds.Count);
            var held = Splits.SpeakersWhere(utterances, u => u.Session == session);
            var validation = held.Count >= 2
                ? held[rng.Next(held.Count)]
                : Splits.Pick(Splits.SpeakersWhere(utterances, u => u.Session != session), rng);
            var test = held.Where(s => s != validation).ToList();
            folds.Add(Splits.Build(folds.Count, session, utterances, test, [validation], u => u.Session != session));
        }
        return folds;
    }

    internal static List<string> Sessions(IReadOnlyList<Utterance> utterances)
    {
        var sessions = utterances.Select(u => u.Session).Distinct().Order(StringComparer.Ordinal).ToList();
        if (sessions.Count < 2)
            throw new ArgumentException($"leave-one-session-out needs at least 2 sessions; got {sessions.Count}");
        return sessions;
    }
}
