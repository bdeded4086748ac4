using SerDarts.Corpora;

namespace SerDarts.Tests.Corpora;

public class SplitsTests
{
    private static readonly string[] Classes = ["neutral", "happy", "sad", "angry"];

    /// <summary>IEMOCAP-like: sessions of two speakers (F and M), every class, a few utterances each.</summary>
    private static List<Utterance> Dyadic(int sessions, int perClass = 3) =>
        [.. from s in Enumerable.Range(1, sessions)
            from g in "FM"
            from c in Classes
            from i in Enumerable.Range(0, perClass)
            select Utt($"Ses{s:D2}{g}_{c}_{i}", c, $"Ses{s:D2}{g}", $"Session{s}")];

    /// <summary>RAVDESS-like: every speaker is its own session.</summary>
    private static List<Utterance> Solo(int speakers) =>
        [.. from a in Enumerable.Range(1, speakers) from c in Classes select Utt($"A{a}_{c}", c, $"Actor_{a:D2}", $"Actor_{a:D2}")];

    private static Utterance Utt(string id, string emotion, string speaker, string session) =>
        new(id, $"/x/{id}.wav", emotion, speaker, session, 1.0, new Dictionary<string, string>());

    public static TheoryData<string, string> Protocols() => new()
    {
        { "loso", "dyadic" }, { "loso-single", "dyadic" }, { "lospk", "dyadic" }, { "kfold:3", "dyadic" },
        { "kfold:5", "dyadic" }, { "emodarts", "dyadic" },
        { "loso", "solo" }, { "loso-single", "solo" }, { "lospk", "solo" }, { "kfold:4", "solo" },
    };

    /// <summary>Every protocol but loso-single tests each speaker exactly once.</summary>
    public static TheoryData<string, string> EverySpeakerProtocols()
    {
        var data = new TheoryData<string, string>();
        foreach (var row in Protocols())
            if ((string)row[0] != "loso-single") data.Add((string)row[0], (string)row[1]);
        return data;
    }

    private static List<Utterance> Corpus(string kind) => kind == "dyadic" ? Dyadic(5) : Solo(7);

    [Theory]
    [MemberData(nameof(Protocols))]
    public void No_test_speaker_appears_in_training_or_validation(string protocol, string corpus)
    {
        var all = Corpus(corpus);
        foreach (var seed in new[] { 0, 1, 7, 12345 })
            foreach (var fold in Splits.Folds(all, SplitProtocol.Parse(protocol), seed))
            {
                var train = fold.Train.Select(u => u.Speaker).ToHashSet();
                var validation = fold.Validation.Select(u => u.Speaker).ToHashSet();
                var test = fold.Test.Select(u => u.Speaker).ToHashSet();
                Assert.NotEmpty(fold.Train);
                Assert.NotEmpty(fold.Validation);
                Assert.NotEmpty(fold.Test);
                Assert.Empty(test.Intersect(train));
                Assert.Empty(test.Intersect(validation));
                Assert.Empty(validation.Intersect(train));
                Assert.Equal(fold.Train.Count + fold.Validation.Count + fold.Test.Count,
                    fold.Train.Concat(fold.Validation).Concat(fold.Test).Select(u => u.Id).Distinct().Count());
            }
    }

    [Theory]
    [MemberData(nameof(EverySpeakerProtocols))]
    public void Every_speaker_is_tested_exactly_once(string protocol, string corpus)
    {
        var all = Corpus(corpus);
        foreach (var seed in new[] { 0, 3, 99 })
        {
            var tested = Splits.Folds(all, SplitProtocol.Parse(protocol), seed).SelectMany(f => f.TestSpeakers).ToList();
            Assert.Equal(all.Select(u => u.Speaker).Distinct().Order(StringComparer.Ordinal), tested.Order(StringComparer.Ordinal));
        }
    }

    [Theory]
    [MemberData(nameof(Protocols))]
    public void Fold_names_name_the_test_and_validation_speakers(string protocol, string corpus)
    {
        foreach (var f in Splits.Folds(Corpus(corpus), SplitProtocol.Parse(protocol), 5))
            Assert.EndsWith($"test:{string.Join("+", f.TestSpeakers)} val:{string.Join("+", f.ValidationSpeakers)}", f.Name);
    }

    [Theory]
    [MemberData(nameof(Protocols))]
    public void Folds_are_deterministic_for_a_seed(string protocol, string corpus)
    {
        var all = Corpus(corpus);
        var a = Splits.Folds(all, SplitProtocol.Parse(protocol), 42);
        var b = Splits.Folds(all, SplitProtocol.Parse(protocol), 42);
        Assert.Equal(a.Select(Signature), b.Select(Signature));
    }

    private static string Signature(Fold f) =>
        $"{f.Index}|{f.Name}|{string.Join(",", f.Train.Select(u => u.Id))}|{string.Join(",", f.Validation.Select(u => u.Id))}|{string.Join(",", f.Test.Select(u => u.Id))}";

    [Fact]
    public void Leave_one_session_out_tests_both_speakers_of_each_session_with_the_partner_validating()
    {
        var all = Dyadic(5);
        var folds = Splits.Folds(all, SplitProtocol.LeaveOneSessionOut, 3);
        string[] expected = ["Session1 test:Ses01F val:Ses01M", "Session1 test:Ses01M val:Ses01F", "Session2 test:Ses02F val:Ses02M",
            "Session2 test:Ses02M val:Ses02F", "Session3 test:Ses03F val:Ses03M", "Session3 test:Ses03M val:Ses03F",
            "Session4 test:Ses04F val:Ses04M", "Session4 test:Ses04M val:Ses04F", "Session5 test:Ses05F val:Ses05M",
            "Session5 test:Ses05M val:Ses05F"];
        Assert.Equal(expected, folds.Select(f => f.Name));
        foreach (var f in folds)
        {
            var session = f.Name.Split(' ')[0];
            Assert.Equal(all.Where(u => u.Session != session).Select(u => u.Id), f.Train.Select(u => u.Id));
            Assert.Equal(all.Where(u => u.Speaker == f.TestSpeakers[0]).Select(u => u.Id), f.Test.Select(u => u.Id));
        }
        Assert.Equal(folds.Select(f => f.Name), Splits.Folds(all, SplitProtocol.LeaveOneSessionOut, 4).Select(f => f.Name));
    }

    [Fact]
    public void Single_orientation_holds_out_each_session_split_between_validation_and_test()
    {
        var all = Dyadic(5);
        var folds = Splits.Folds(all, SplitProtocol.LeaveOneSessionOutSingle, 3);
        Assert.Equal(["Session1", "Session2", "Session3", "Session4", "Session5"], folds.Select(f => f.Name.Split(' ')[0]));
        foreach (var f in folds)
        {
            var session = f.Name.Split(' ')[0];
            Assert.All(f.Train, u => Assert.NotEqual(session, u.Session));
            Assert.Equal(all.Count(u => u.Session != session), f.Train.Count);
            Assert.Single(f.ValidationSpeakers);
            Assert.Single(f.TestSpeakers);
            Assert.Equal(all.Where(u => u.Session == session).Select(u => u.Speaker).Distinct().Order(),
                f.ValidationSpeakers.Concat(f.TestSpeakers).Order());
        }
    }

    [Fact]
    public void Seeds_choose_which_speaker_of_the_session_validates()
    {
        var all = Dyadic(5);
        var choices = Enumerable.Range(0, 20).Select(seed => string.Join(",", Splits.Folds(all, SplitProtocol.LeaveOneSessionOutSingle, seed).Select(f => f.ValidationSpeakers[0])));
        Assert.True(choices.Distinct().Count() > 1);
    }

    [Fact]
    public void Leave_one_speaker_out_validates_on_the_session_partner()
    {
        var folds = Splits.Folds(Dyadic(5), SplitProtocol.LeaveOneSpeakerOut, 0);
        Assert.Equal(10, folds.Count);
        foreach (var f in folds)
        {
            var test = Assert.Single(f.TestSpeakers);
            Assert.Equal(test[..5] + (test[5] == 'F' ? 'M' : 'F'), Assert.Single(f.ValidationSpeakers));
        }
    }

    [Fact]
    public void Single_speaker_sessions_validate_on_another_speaker_taken_out_of_training()
    {
        var all = Solo(6);
        foreach (var protocol in new[] { SplitProtocol.LeaveOneSessionOut, SplitProtocol.LeaveOneSessionOutSingle })
            foreach (var f in Splits.Folds(all, protocol, 5))
            {
                Assert.Equal([f.Name.Split(' ')[0]], f.TestSpeakers);
                Assert.Single(f.ValidationSpeakers);
                Assert.Equal(all.Count - 2 * Classes.Length, f.Train.Count);
            }
    }

    [Fact]
    public void Speaker_kfold_tests_every_speaker_exactly_once()
    {
        var all = Solo(11);
        var folds = Splits.Folds(all, SplitProtocol.SpeakerKFold(4), 9);
        Assert.Equal(4, folds.Count);
        var tested = folds.SelectMany(f => f.TestSpeakers).ToList();
        Assert.Equal(all.Select(u => u.Speaker).Distinct().Order(), tested.Order());
        Assert.All(folds, f => Assert.InRange(f.TestSpeakers.Count, 2, 3));
        Assert.All(folds, f => Assert.Equal(folds[(f.Index + 1) % 4].TestSpeakers, f.ValidationSpeakers));
    }

    [Fact]
    public void Impossible_splits_are_clear_errors()
    {
        Assert.Contains("at least 3 speakers", Assert.Throws<ArgumentException>(() => Splits.Folds(Solo(2), SplitProtocol.LeaveOneSpeakerOut, 0)).Message);
        var oneSession = Dyadic(1).Concat(Solo(1).Select(u => u with { Session = "Session1" })).ToList();
        Assert.Contains("at least 2 sessions", Assert.Throws<ArgumentException>(() => Splits.Folds(oneSession, SplitProtocol.LeaveOneSessionOut, 0)).Message);
        Assert.Contains("kfold:9 needs at least 9 speakers", Assert.Throws<ArgumentException>(() => Splits.Folds(Solo(5), SplitProtocol.SpeakerKFold(9), 0)).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => SplitProtocol.SpeakerKFold(2));
    }

    [Theory]
    [InlineData("loso", SplitKind.LeaveOneSessionOut, 0, "loso")]
    [InlineData("Leave-One-Session-Out", SplitKind.LeaveOneSessionOut, 0, "loso")]
    [InlineData("lospk", SplitKind.LeaveOneSpeakerOut, 0, "lospk")]
    [InlineData("leave-one-speaker-out", SplitKind.LeaveOneSpeakerOut, 0, "lospk")]
    [InlineData("loso-single", SplitKind.LeaveOneSessionOutSingle, 0, "loso-single")]
    [InlineData(" EmoDARTS", SplitKind.Emodarts, 0, "emodarts")]
    [InlineData("kfold:5", SplitKind.SpeakerKFold, 5, "kfold:5")]
    [InlineData(" speaker-kfold:10 ", SplitKind.SpeakerKFold, 10, "kfold:10")]
    public void Protocols_parse_from_their_names(string text, SplitKind kind, int k, string canonical)
    {
        var p = SplitProtocol.Parse(text);
        Assert.Equal((kind, k, canonical), (p.Kind, p.K, p.ToString()));
        Assert.Equal(p, SplitProtocol.Parse(p.ToString()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("kfold")]
    [InlineData("kfold:2")]
    [InlineData("kfold:x")]
    [InlineData("random")]
    [InlineData("loso-both")]
    public void Unknown_protocols_are_rejected(string text)
    {
        Assert.False(SplitProtocol.TryParse(text, out _));
        Assert.Contains("use loso, loso-single, lospk, kfold:K (K >= 3) or emodarts", Assert.Throws<FormatException>(() => SplitProtocol.Parse(text)).Message);
    }
}
