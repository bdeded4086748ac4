namespace SerDarts.Corpora;

/// <summary>
/// Speaker-independent folds, each with a validation part for checkpoint selection. Rules (seeded choices use
/// <see cref="SeededRandom"/> with the seed and the fold index):
/// <list type="bullet">
/// <item>loso: the held-out session's speakers form validation (one speaker, chosen by seed) and test (the
/// others); training is every other session. A session with a single speaker is all test, and validation is a
/// seed-chosen speaker of the other sessions, taken out of training.</item>
/// <item>lospk: test is one speaker; validation is a seed-chosen other speaker of the same session (IEMOCAP:
/// the dialog partner), else of the whole corpus; training is everyone else.</item>
/// <item>kfold:K: speakers are shuffled by seed and dealt round-robin into K groups; fold i tests group i,
/// validates on group i+1 (mod K) and trains on the rest.</item>
/// </list>
/// Each part keeps the input order of the utterances.
/// </summary>
public static class Splits
{
    public static IReadOnlyList<Fold> Folds(IReadOnlyList<Utterance> utterances, SplitProtocol protocol, int seed)
    {
        ArgumentNullException.ThrowIfNull(utterances);
        var speakers = utterances.Select(u => u.Speaker).Distinct().Order(StringComparer.Ordinal).ToList();
        if (speakers.Count < 3)
            throw new ArgumentException($"speaker-independent folds need at least 3 speakers (test, validation, training); got {speakers.Count}");
        return protocol.Kind switch
        {
            SplitKind.LeaveOneSessionOut => LeaveOneSessionOut(utterances, seed),
            SplitKind.LeaveOneSpeakerOut => LeaveOneSpeakerOut(utterances, speakers, seed),
            _ => SpeakerKFold(utterances, speakers, protocol.K, seed),
        };
    }

    private static List<Fold> LeaveOneSessionOut(IReadOnlyList<Utterance> utterances, int seed)
    {
        var sessions = utterances.Select(u => u.Session).Distinct().Order(StringComparer.Ordinal).ToList();
        if (sessions.Count < 2)
            throw new ArgumentException($"leave-one-session-out needs at least 2 sessions; got {sessions.Count}");
        var folds = new List<Fold>();
        foreach (var session in sessions)
        {
            var rng = new SeededRandom(seed, folds.Count);
            var held = SpeakersWhere(utterances, u => u.Session == session);
            var validation = held.Count >= 2
                ? held[rng.Next(held.Count)]
                : Pick(SpeakersWhere(utterances, u => u.Session != session), rng);
            var test = held.Where(s => s != validation).ToHashSet(StringComparer.Ordinal);
            folds.Add(Build(folds.Count, session, utterances, test, validation, u => u.Session != session));
        }
        return folds;
    }

    private static List<Fold> LeaveOneSpeakerOut(IReadOnlyList<Utterance> utterances, List<string> speakers, int seed)
    {
        var sessionOf = utterances.GroupBy(u => u.Speaker).ToDictionary(g => g.Key, g => g.First().Session, StringComparer.Ordinal);
        var folds = new List<Fold>();
        foreach (var speaker in speakers)
        {
            var rng = new SeededRandom(seed, folds.Count);
            var partners = speakers.Where(s => s != speaker && sessionOf[s] == sessionOf[speaker]).ToList();
            var validation = Pick(partners.Count > 0 ? partners : speakers.Where(s => s != speaker).ToList(), rng);
            folds.Add(Build(folds.Count, speaker, utterances, [speaker], validation, _ => true));
        }
        return folds;
    }

    private static List<Fold> SpeakerKFold(IReadOnlyList<Utterance> utterances, List<string> speakers, int k, int seed)
    {
        if (k > speakers.Count)
            throw new ArgumentException($"kfold:{k} needs at least {k} speakers; got {speakers.Count}");
        var order = speakers.ToList();
        new SeededRandom(seed).Shuffle(order);
        var groups = Enumerable.Range(0, k).Select(g => order.Where((_, i) => i % k == g).ToHashSet(StringComparer.Ordinal)).ToList();
        return Enumerable.Range(0, k).Select(i =>
        {
            HashSet<string> test = groups[i], validation = groups[(i + 1) % k];
            return new Fold(i, $"fold{i + 1}",
                utterances.Where(u => !test.Contains(u.Speaker) && !validation.Contains(u.Speaker)).ToList(),
                utterances.Where(u => validation.Contains(u.Speaker)).ToList(),
                utterances.Where(u => test.Contains(u.Speaker)).ToList());
        }).ToList();
    }

    /// <summary>Test = the test speakers; validation = one speaker; training = the rest that passes the filter.</summary>
    private static Fold Build(int index, string name, IReadOnlyList<Utterance> all, HashSet<string> test, string validation,
        Func<Utterance, bool> trainable)
    {
        var train = all.Where(u => !test.Contains(u.Speaker) && u.Speaker != validation && trainable(u)).ToList();
        if (train.Count == 0)
            throw new ArgumentException($"fold '{name}' would have no training data");
        return new Fold(index, name, train, all.Where(u => u.Speaker == validation).ToList(), all.Where(u => test.Contains(u.Speaker)).ToList());
    }

    private static List<string> SpeakersWhere(IReadOnlyList<Utterance> utterances, Func<Utterance, bool> filter) =>
        utterances.Where(filter).Select(u => u.Speaker).Distinct().Order(StringComparer.Ordinal).ToList();

    private static string Pick(List<string> candidates, SeededRandom rng) =>
        candidates.Count > 0 ? candidates[rng.Next(candidates.Count)] : throw new ArgumentException("no speaker left for validation");
}
