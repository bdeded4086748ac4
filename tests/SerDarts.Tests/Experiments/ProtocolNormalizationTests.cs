using SerDarts.Corpora;
using SerDarts.Experiments.Specs;

namespace SerDarts.Tests.Experiments;

/// <summary>Which normalisation levels are protocols (numbers not subtracted across them) and which are model choices.</summary>
public class ProtocolNormalizationTests
{
    private static ExperimentSpec With(string normalization)
    {
        var small = ExperimentPresets.ApplySmall(new ExperimentSpec { Corpus = new CorpusSpec(CorpusSource.Sample) });
        return small with { Features = small.Features with { Normalization = normalization } };
    }

    [Fact]
    public void None_and_fold_score_the_same_clips_without_test_audio_and_share_a_key()
    {
        Assert.Equal(ProtocolDescription.Key(With("fold")), ProtocolDescription.Key(With("none")));
        Assert.Equal(ProtocolDescription.Of(With("fold")), ProtocolDescription.Of(With("none")));
    }

    [Fact]
    public void Speaker_and_each_enrolment_size_are_protocols_of_their_own_and_say_so()
    {
        string[] levels = ["fold", "speaker", "enrolment:4", "enrolment:8"];
        Assert.Equal(4, levels.Select(l => ProtocolDescription.Key(With(l))).Distinct().Count());
        Assert.EndsWith("|per-speaker|" + ProtocolDescription.Honest, ProtocolDescription.Key(With("speaker"))); // keys stored before stay valid
        Assert.Contains("standardised per speaker (each test speaker's statistics from 4 enrolment clips, not scored)",
            ProtocolDescription.Of(With("enrolment:4")));
    }
}
