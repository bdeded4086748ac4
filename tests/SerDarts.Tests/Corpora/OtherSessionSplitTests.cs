using SerDarts.Corpora;

namespace SerDarts.Tests.Corpora;

/// <summary>split.validation = other-session: a speaker of another training session validates, out of training;
/// every speaker is still tested once and never trains or validates where it is tested.</summary>
public class OtherSessionSplitTests
{
    private static readonly string[] Classes = ["neutral", "happy", "sad", "angry"];

    /// <summary>IEMOCAP-like: five sessions of two speakers (F and M).</summary>
    private static List<Utterance> Dyadic() =>
        [.. from s in Enumerable.Range(1, 5)
            from g in "FM"
            from c in Classes
            from i in Enumerable.Range(0, 2)
            let speaker = $"Ses{s:D2}{g}"
            select new Utterance($"{speaker}_{c}_{i}", $"/x/{speaker}_{c}_{i}.wav", c, speaker, $"Session{s}", 1.0, new Dictionary<string, string>())];

    [Theory]
    [InlineData("loso")]
    [InlineData("lospk")]
    public void Every_speaker_is_tested_once_and_never_trains_or_validates_in_its_fold(string protocol)
    {
        var all = Dyadic();
        var folds = Splits.Folds(all, SplitProtocol.Parse(protocol), 0, SplitSpec.OtherSession);
        Assert.Equal(10, folds.Count);
        Assert.Equal(all.Select(u => u.Speaker).Distinct().Order(), folds.SelectMany(f => f.TestSpeakers).Order());
        foreach (var fold in folds)
        {
            var train = fold.Train.Select(u => u.Speaker).ToHashSet();
            Assert.Empty(fold.TestSpeakers.Intersect(train));
            Assert.Empty(fold.TestSpeakers.Intersect(fold.ValidationSpeakers));
            Assert.Empty(fold.ValidationSpeakers.Intersect(train));
            var session = fold.Test[0].Session;
            Assert.Single(fold.ValidationSpeakers);
            Assert.All(fold.Validation, u => Assert.NotEqual(session, u.Session)); // never the test speaker's session
        }
    }

    /// <summary>The rule by hand: the speaker at the same position of the next session (wrapping round); under loso the
    /// partner neither trains nor validates, and training is the other 7 speakers.</summary>
    [Fact]
    public void Under_loso_the_next_sessions_speaker_at_the_same_position_validates()
    {
        var folds = Splits.Folds(Dyadic(), SplitProtocol.LeaveOneSessionOut, 0, SplitSpec.OtherSession);
        Assert.Equal(["Ses02F", "Ses02M", "Ses03F", "Ses03M", "Ses04F", "Ses04M", "Ses05F", "Ses05M", "Ses01F", "Ses01M"],
            folds.Select(f => f.ValidationSpeakers.Single()));
        Assert.Equal("Session1 test:Ses01F val:Ses02F", folds[0].Name);
        Assert.Equal(["Ses02M", "Ses03F", "Ses03M", "Ses04F", "Ses04M", "Ses05F", "Ses05M"],
            folds[0].Train.Select(u => u.Speaker).Distinct().Order(StringComparer.Ordinal));
        // The two folds of a session no longer share a training set (each loses a different validation speaker).
        Assert.NotEqual(folds[0].Train.Select(u => u.Id), folds[1].Train.Select(u => u.Id));
    }

    [Fact]
    public void Partner_keeps_the_folds_of_before()
    {
        var partner = Splits.Folds(Dyadic(), SplitProtocol.LeaveOneSessionOut, 0, SplitSpec.Partner);
        var plain = Splits.Folds(Dyadic(), SplitProtocol.LeaveOneSessionOut, 0);
        Assert.Equal(plain.Select(f => f.Name), partner.Select(f => f.Name));
        Assert.Equal("Session1 test:Ses01F val:Ses01M", partner[0].Name);
    }

    [Theory]
    [InlineData("kfold:3")]
    [InlineData("emodarts")]
    [InlineData("loso-single")]
    public void Other_session_is_refused_where_validation_is_not_a_session_partner(string protocol)
    {
        Assert.Throws<ArgumentException>(() => Splits.Folds(Dyadic(), SplitProtocol.Parse(protocol), 0, SplitSpec.OtherSession));
        Assert.Contains(new SplitSpec(protocol, SplitSpec.OtherSession).Errors(), e => e.StartsWith("split.validation", StringComparison.Ordinal));
    }
}
