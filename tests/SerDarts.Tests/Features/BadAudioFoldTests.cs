using SerDarts.Corpora;
using SerDarts.Experiments.Specs;
using SerDarts.Features;
using SerDarts.Tests.Corpora;

namespace SerDarts.Tests.Features;

/// <summary>A fixture IEMOCAP corpus with one NaN float WAV: the fold builds without it and reports it.</summary>
[Collection("torch threads")]
public sealed class BadAudioFoldTests : IDisposable
{
    private readonly CorpusFixture _tree = new();

    /// <summary>The tiny IEMOCAP tree; one label line names audio that does not exist.</summary>
    public BadAudioFoldTests() => TinyIemocap.Write(_tree, missingLabel: true);

    private string NanFile => _tree.PathOf("Session2/sentences/wav/Ses02F_impro01/Ses02F_impro01_M001.wav");

    [Fact]
    public void The_fold_builds_without_the_NaN_file_and_reports_it()
    {
        File.WriteAllBytes(NanFile, BadAudioTests.NanWav());
        var spec = ExperimentPresets.ApplySmall(new ExperimentSpec { Corpus = new CorpusSpec("iemocap", _tree.Root) });

        using var data = FoldData.Build(spec.Corpus, spec.Split, spec.Features, foldIndex: 0, cache: null);

        // Fold 0 holds Session1 out; Sessions 2 and 3 train: 16 files, one of them unusable.
        var unusable = Assert.Single(data.UnusableAudio);
        Assert.Equal(NanFile, unusable.Path);
        Assert.Contains("NaN", unusable.Reason);
        Assert.Equal(15, data.Train.Count);
        Assert.DoesNotContain("Ses02F_impro01_M001", data.Train.Ids);
        Assert.Equal(data.Fold.Train.Select(u => u.Id), data.Train.Ids);
        Assert.Equal(["Ses01F_impro01_F009.wav"], data.ScanSkipped.Select(s => Path.GetFileName(s.Path)));
        var (weights, architecture) = data.BilevelHalves(0.5, seed: 1);
        using (weights)
        using (architecture)
            Assert.Equal(15, weights.Count + architecture.Count);
    }

    public void Dispose() => _tree.Dispose();
}
