using SerDarts.Corpora;
using SerDarts.Experiments.Specs;
using SerDarts.Features;
using SerDarts.Reporting;

namespace SerDarts.Tests.Experiments;

/// <summary>A protocol's fingerprint names every field that matters, so a comparison can say which differ.</summary>
public class ProtocolFingerprintTests
{
    private static readonly ExperimentSpec Iemocap = new() { Corpus = new CorpusSpec("iemocap") };

    [Fact]
    public void The_emodarts_fingerprint_differs_from_a_small_preset_runs_in_the_named_fields()
    {
        var emodarts = ProtocolFingerprint.Of(ExperimentPresets.ApplyEmodarts(Iemocap));
        var small = ProtocolFingerprint.Of(ExperimentPresets.ApplySmall(Iemocap));
        // emodarts: improvised dialogs, excited left out, one recording per improvisation, its own folds, the
        // 8 s grid, fold standardisation, 50/300 epochs; small: all dialogs, excited merged, loso, 64 x 64,
        // per-speaker standardisation, 8/20 epochs. Order, bilevel split, losses, genotype and scoring agree.
        Assert.Equal([ProtocolFingerprint.Dialogs, ProtocolFingerprint.Excited, ProtocolFingerprint.Recordings, ProtocolFingerprint.Split,
                ProtocolFingerprint.TrainingSpeakers, ProtocolFingerprint.Grid, ProtocolFingerprint.Normalization,
                ProtocolFingerprint.SearchEpochs, ProtocolFingerprint.TrainingEpochs],
            emodarts.Differences(small));
        Assert.Equal((FeatureSettings.FoldNormalization, FeatureSettings.SpeakerNormalizationName),
            (emodarts[ProtocolFingerprint.Normalization], small[ProtocolFingerprint.Normalization]));
        Assert.Equal(emodarts, ProtocolFingerprint.Of(ExperimentPresets.ApplyEmodarts(Iemocap)));
    }

    [Fact]
    public void The_emodarts_preset_is_not_the_authors_protocol_and_says_where()
    {
        var ours = ProtocolFingerprint.Of(ExperimentPresets.ApplyEmodarts(Iemocap), ProtocolDescription.Optimistic);
        // The items of shared/docs/authors-protocol.md SerDarts does not reproduce.
        Assert.Equal([ProtocolFingerprint.Recordings, ProtocolFingerprint.TrainingSpeakers, ProtocolFingerprint.Normalization,
                ProtocolFingerprint.SearchOrder, ProtocolFingerprint.SearchPortion, ProtocolFingerprint.SearchLoss, ProtocolFingerprint.SearchGenotype],
            ours.Differences(PaperReference.Fingerprint));
        Assert.Equal("second", PaperReference.Fingerprint[ProtocolFingerprint.SearchOrder]);
        Assert.Equal("first", ours[ProtocolFingerprint.SearchOrder]);
        // Scored honestly, the scoring differs too.
        Assert.Contains(ProtocolFingerprint.Scoring, ProtocolFingerprint.Of(ExperimentPresets.ApplyEmodarts(Iemocap)).Differences(PaperReference.Fingerprint));
    }
}
