using SerDarts.Corpora;
using SerDarts.Experiments;
using SerDarts.Features;

namespace SerDarts.Tests.Experiments;

public class FoldDataTests
{
    private static readonly ExperimentSpec SmallSpec = WithNormalization(FeatureSettings.FoldNormalization);

    private static ExperimentSpec WithNormalization(string normalization)
    {
        var small = ExperimentPresets.ApplySmall(new ExperimentSpec { Corpus = new CorpusSpec(CorpusSource.Sample) });
        return small with { Features = small.Features with { Normalization = normalization } };
    }

    [Fact]
    public void A_fold_of_the_sample_corpus_is_speaker_independent_and_normalised_on_training_data_only()
    {
        using var data = FoldData.Build(SmallSpec.Corpus, SmallSpec.Split, SmallSpec.Features, foldIndex: 0, cache: null);

        var trainSpeakers = data.Fold.Train.Select(u => u.Speaker).ToHashSet();
        Assert.DoesNotContain(data.Fold.Test, u => trainSpeakers.Contains(u.Speaker));
        Assert.Equal(data.Fold.Train.Select(u => u.Id), data.Train.Ids);
        Assert.Equal(data.Fold.Test.Select(u => u.Id), data.Test.Ids);
        Assert.Equal(new long[] { data.Train.Count, 1, 64, 64 }, data.Train.Inputs.shape);

        // Per row, over all training clips and frames: mean 0 and (population) std 1, recomputed here by hand.
        var values = data.Train.Inputs.data<float>().ToArray();
        int n = data.Train.Count, rows = 64, frames = 64;
        foreach (var row in new[] { 0, 13, 63 })
        {
            var xs = Enumerable.Range(0, n).SelectMany(c => Enumerable.Range(0, frames).Select(f => (double)values[(c * rows + row) * frames + f])).ToList();
            double mean = xs.Average(), std = Math.Sqrt(xs.Select(x => (x - mean) * (x - mean)).Average());
            Assert.Equal(0.0, mean, 3);
            Assert.Equal(1.0, std, 3);
        }
    }

    [Fact]
    public void Per_speaker_normalisation_standardises_each_test_speaker_over_its_valid_frames_and_leaves_padding_at_zero()
    {
        var spec = WithNormalization(FeatureSettings.SpeakerNormalizationName);
        using var data = FoldData.Build(spec.Corpus, spec.Split, spec.Features, foldIndex: 0, cache: null);
        using var raw = FoldData.Build(SmallSpec.Corpus, SmallSpec.Split, SmallSpec.Features, foldIndex: 0, cache: null);
        Assert.Equal(raw.Test.ValidFrames, data.Test.ValidFrames);
        Assert.Contains(data.Test.ValidFrames, v => v < 64); // the sample has clips shorter than the window

        var values = data.Test.Inputs.data<float>().ToArray();
        const int rows = 64, frames = 64;
        foreach (var speaker in data.Fold.Test.Select(u => u.Speaker).Distinct())
        {
            var clips = Enumerable.Range(0, data.Test.Count).Where(i => data.Fold.Test[i].Speaker == speaker).ToList();
            foreach (var row in new[] { 0, 7, 40 })
            {
                var xs = clips.SelectMany(c => Enumerable.Range(0, data.Test.ValidFrames[c]).Select(f => (double)values[(c * rows + row) * frames + f])).ToList();
                double mean = xs.Average(), std = Math.Sqrt(xs.Select(x => (x - mean) * (x - mean)).Average());
                Assert.Equal(0.0, mean, 3);
                Assert.Equal(1.0, std, 3);
                foreach (var c in clips)
                    for (int f = data.Test.ValidFrames[c]; f < frames; f++) Assert.Equal(0f, values[(c * rows + row) * frames + f]);
            }
        }
    }

    [Fact]
    public void An_unknown_normalisation_is_a_spec_error_naming_the_field()
    {
        var spec = WithNormalization("global");
        var error = Assert.Single(spec.Features.Errors());
        Assert.Contains("features.normalization 'global'", error);
    }

    [Fact]
    public void Bilevel_halves_partition_the_training_part()
    {
        using var data = FoldData.Build(SmallSpec.Corpus, SmallSpec.Split, SmallSpec.Features, foldIndex: 1, cache: null);
        var (weights, architecture) = data.BilevelHalves(0.5, seed: 3);
        using (weights)
        using (architecture)
        {
            Assert.Empty(weights.Ids.Intersect(architecture.Ids));
            Assert.Equal(data.Train.Ids.Order(), weights.Ids.Concat(architecture.Ids).Order());
            Assert.InRange(weights.Count, data.Train.Count / 2 - 4, data.Train.Count / 2 + 4);
        }
    }
}
