namespace SerDarts.Corpora;

/// <summary>
/// Speaker-independent folds, each with a validation part for checkpoint selection. In every protocol but
/// loso-single each speaker is tested in exactly one fold, and no fold trains or validates on its test speakers
/// nor trains on its validation speakers. Rules (seeded choices use <see cref="SeededRandom"/> with the seed and
/// the fold index):
/// <list type="bullet">
/// <item>loso (leave one session out, both orientations): one fold per speaker of each session, sessions and
/// speakers in ordinal order. Test: the speaker; validation: the other speakers of its session (IEMOCAP: the
/// dialogue partner, so Ses01F is tested with Ses01M validating and the reverse); training: every other session.
/// A session with a single speaker validates on a seed-chosen speaker of another session, taken out of training.
/// IEMOCAP: 10 folds, 10 test speakers.</item>
/// <item>loso-single (the protocol loso meant before): one fold per session; one seed-chosen speaker of the
/// session validates and the others are tested, so on IEMOCAP only 5 of the 10 speakers are ever tested.</item>
/// <item>lospk: test is one speaker; validation is a seed-chosen other speaker of the same session (IEMOCAP:
/// the dialogue partner), else of the whole corpus; training is everyone else.</item>
/// <item>kfold:K: speakers are shuffled by seed and dealt round-robin into K groups; fold i tests group i,
/// validates on group i+1 (mod K) and trains on the rest.</item>
/// <item>emodarts: see <see cref="EmodartsFolds"/>.</item>
/// <item>split.validation = other-session (loso, lospk): the validation speaker is the speaker at the test speaker's
/// position in the next session (<see cref="SessionSplits.OtherSessionSpeaker"/>), out of training; under loso the test
/// speaker's session partners then neither train nor validate.</item>
/// </list>
/// Each part keeps the input order of the utterances. Fold names say who is tested and who validates, e.g.
/// "Session1 test:Ses01F val:Ses01M".
/// </summary>
public static class Splits
{
    /// <param name="utterances">The corpus subset's utterances.</param>
    /// <param name="protocol">How folds are formed.</param>
    /// <param name="seed">Seed of the seeded choices (with the fold index).</param>
    /// <param name="validation">split.validation: <see cref="SplitSpec.Partner"/> keeps the rules above;
    /// <see cref="SplitSpec.OtherSession"/> (loso, lospk) validates on the speaker at the test speaker's position in
    /// the next session (ordinal order, wrapping round), who then leaves training.</param>
    public static IReadOnlyList<Fold> Folds(IReadOnlyList<Utterance> utterances, SplitProtocol protocol, int seed,
        string validation = SplitSpec.Partner)
    {
        bool otherSession = validation == SplitSpec.OtherSession;
        if (otherSession && protocol.Kind is not (SplitKind.LeaveOneSessionOut or SplitKind.LeaveOneSpeakerOut))
            throw new ArgumentException($"split.validation '{validation}' applies to loso and lospk, not to {protocol}");
        ArgumentNullException.ThrowIfNull(utterances);
        var speakers = utterances.Select(u => u.Speaker).Distinct().Order(StringComparer.Ordinal).ToList();
        if (speakers.Count < 3)
            throw new ArgumentException($"speaker-independent folds need at least 3 speakers (test, validation, training); got {speakers.Count}");
        return protocol.Kind switch
        {
            SplitKind.LeaveOneSessionOut => SessionSplits.BothOrientations(utterances, seed, otherSession),
            SplitKind.LeaveOneSessionOutSingle => SessionSplits.SingleOrientation(utterances, seed),
            SplitKind.LeaveOneSpeakerOut => LeaveOneSpeakerOut(utterances, speakers, seed, otherSession),
            SplitKind.Emodarts => EmodartsFolds.Folds(utterances, speakers),
            _ => SpeakerKFold(utterances, speakers, protocol.K, seed),
        };
    }

    private static List<Fold> LeaveOneSpeakerOut(IReadOnlyList<Utterance> utterances, List<string> speakers, int seed, bool otherSession)
    {
        var sessionOf = utterances.GroupBy(u => u.Speaker).ToDictionary(g => g.Key, g => g.First().Session, StringComparer.Ordinal);
        var sessions = otherSession ? SessionSplits.Sessions(utterances) : [];
        var folds = new List<Fold>();
        foreach (var speaker in speakers)
        {
            var rng = new SeededRandom(seed, folds.Count);
            var partners = speakers.Where(s => s != speaker && sessionOf[s] == sessionOf[speaker]).ToList();
            var session = sessionOf[speaker];
            var validation = otherSession
                ? SessionSplits.OtherSessionSpeaker(utterances, sessions, session, SpeakersWhere(utterances, u => u.Session == session).IndexOf(speaker))
                : Pick(partners.Count > 0 ? partners : speakers.Where(s => s != speaker).ToList(), rng);
            folds.Add(Build(folds.Count, "", utterances, [speaker], [validation], _ => true));
        }
        return folds;
    }

    private static List<Fold> SpeakerKFold(IReadOnlyList<Utterance> utterances, List<string> speakers, int k, int seed)
    {
        if (k > speakers.Count)
            throw new ArgumentException($"kfold:{k} needs at least {k} speakers; got {speakers.Count}");
        var order = speakers.ToList();
        new SeededRandom(seed).Shuffle(order);
        var groups = Enumerable.Range(0, k).Select(g => order.Where((_, i) => i % k == g).ToList()).ToList();
        return Enumerable.Range(0, k).Select(i => Build(i, $"fold{i + 1}", utterances, groups[i], groups[(i + 1) % k], _ => true)).ToList();
    }

    /// <summary>
    /// Test = the test speakers; validation = the validation speakers; training = the rest that passes
    /// <paramref name="trainable"/>. The name is <paramref name="prefix"/> followed by both speaker lists.
    /// </summary>
    internal static Fold Build(int index, string prefix, IReadOnlyList<Utterance> all, IReadOnlyCollection<string> test,
        IReadOnlyCollection<string> validation, Func<Utterance, bool> trainable)
    {
        var testSet = test.ToHashSet(StringComparer.Ordinal);
        var validationSet = validation.ToHashSet(StringComparer.Ordinal);
        var name = $"{prefix} test:{Join(testSet)} val:{Join(validationSet)}".TrimStart();
        var train = all.Where(u => !testSet.Contains(u.Speaker) && !validationSet.Contains(u.Speaker) && trainable(u)).ToList();
        if (train.Count == 0)
            throw new ArgumentException($"fold '{name}' would have no training data");
        return new Fold(index, name, train, all.Where(u => validationSet.Contains(u.Speaker)).ToList(), all.Where(u => testSet.Contains(u.Speaker)).ToList());
    }

    internal static List<string> SpeakersWhere(IReadOnlyList<Utterance> utterances, Func<Utterance, bool> filter) =>
        utterances.Where(filter).Select(u => u.Speaker).Distinct().Order(StringComparer.Ordinal).ToList();

    internal static string Pick(List<string> candidates, SeededRandom rng) =>
        candidates.Count > 0 ? candidates[rng.Next(candidates.Count)] : throw new ArgumentException("no speaker left for validation");

    private static string Join(IEnumerable<string> speakers) => string.Join("+", speakers.Order(StringComparer.Ordinal));
}
