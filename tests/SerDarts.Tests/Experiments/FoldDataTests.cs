using SerDarts.Corpora;
using SerDarts.Experiments.Specs;
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

        // Per row, over all training clips' valid frames: mean 0 and (population) std 1, recomputed here by hand;
        // padding frames are 0, as under every level (they were part of the statistics before issue 21).
        var values = data.Train.Inputs.data<float>().ToArray();
        int n = data.Train.Count, rows = 64, frames = 64;
        Assert.Contains(data.Train.ValidFrames, v => v < frames);
        foreach (var row in new[] { 0, 13, 63 })
        {
            var xs = Enumerable.Range(0, n).SelectMany(c => Enumerable.Range(0, data.Train.ValidFrames[c]).Select(f => (double)values[(c * rows + row) * frames + f])).ToList();
            double mean = xs.Average(), std = Math.Sqrt(xs.Select(x => (x - mean) * (x - mean)).Average());
            Assert.Equal(0.0, mean, 3);
            Assert.Equal(1.0, std, 3);
            for (int c = 0; c < n; c++)
                for (int f = data.Train.ValidFrames[c]; f < frames; f++) Assert.Equal(0f, values[(c * rows + row) * frames + f]);
        }
    }

    [Fact]
    public void None_leaves_the_features_of_every_part_untouched_on_valid_frames()
    {
        var spec = WithNormalization(NormalizationLevel.None);
        using var data = FoldData.Build(spec.Corpus, spec.Split, spec.Features, foldIndex: 0, cache: null);
        Assert.Null(data.Normalizer);
        Assert.Empty(data.Enrolment);
        foreach (var (part, set) in new[] { (data.Fold.Test, data.Test), (data.Fold.Validation, data.Validation), (data.Fold.Train, data.Train) })
        {
            using var raw = FeatureSetBuilder.Build(part, spec.Features.ToFeatureSpec());
            Assert.Equal(raw.Ids, set.Ids);
            Assert.Equal(raw.ValidFrames, set.ValidFrames);
            var (a, b) = (raw.Inputs.data<float>().ToArray(), set.Inputs.data<float>().ToArray());
            const int rows = 64, frames = 64;
            for (int c = 0; c < set.Count; c++)
                for (int r = 0; r < rows; r++)
                    for (int f = 0; f < frames; f++)
                    {
                        int i = (c * rows + r) * frames + f;
                        Assert.Equal(f < set.ValidFrames[c] ? a[i] : 0f, b[i]);
                    }
        }
    }

    [Fact]
    public void Enrolment_standardises_each_validation_and_test_speaker_with_its_enrolment_clips_and_scores_only_the_others()
    {
        const int n = 4;
        var spec = WithNormalization($"enrolment:{n}");
        using var data = FoldData.Build(spec.Corpus, spec.Split, spec.Features, foldIndex: 0, cache: null);
        var full = FoldData.Folds(spec.Corpus, spec.Split).Folds[0];
        var enrolled = data.Enrolment.Select(u => u.Id).ToHashSet();

        // N clips per validation and test speaker, none of them scored or in the fold's parts.
        foreach (var (part, kept, set) in new[] { (full.Test, data.Fold.Test, data.Test), (full.Validation, data.Fold.Validation, data.Validation) })
        {
            foreach (var speaker in part.GroupBy(u => u.Speaker))
            {
                Assert.Equal(n, speaker.Count(u => enrolled.Contains(u.Id)));
                Assert.Equal(speaker.Count() - n, kept.Count(u => u.Speaker == speaker.Key));
            }
            Assert.DoesNotContain(set.Ids, enrolled.Contains);
            Assert.DoesNotContain(kept, u => enrolled.Contains(u.Id));
            Assert.Equal(kept.Select(u => u.Id), set.Ids);
        }
        Assert.Equal(full.Train.Select(u => u.Id), data.Fold.Train.Select(u => u.Id)); // training speakers keep every clip

        // A scored test clip = (raw - mean) / std with the statistics of its speaker's enrolment clips' valid frames,
        // recomputed here from the raw grids.
        using var raw = FeatureSetBuilder.Build(full.Test, spec.Features.ToFeatureSpec());
        var rawValues = raw.Inputs.data<float>().ToArray();
        var values = data.Test.Inputs.data<float>().ToArray();
        const int rows = 64, frames = 64;
        var rawRow = full.Test.Select((u, i) => (u.Id, i)).ToDictionary(p => p.Id, p => p.i);
        foreach (var row in new[] { 0, 5, 50 })
        {
            var speaker = data.Fold.Test[0].Speaker;
            var xs = full.Test.Where(u => u.Speaker == speaker && enrolled.Contains(u.Id))
                .SelectMany(u => Enumerable.Range(0, raw.ValidFrames[rawRow[u.Id]]).Select(f => (double)rawValues[(rawRow[u.Id] * rows + row) * frames + f])).ToList();
            double mean = xs.Average(), std = Math.Sqrt(xs.Select(x => (x - mean) * (x - mean)).Average());
            for (int c = 0; c < data.Test.Count; c++)
            {
                if (data.Fold.Test[c].Speaker != speaker) continue;
                int source = rawRow[data.Test.Ids[c]];
                for (int f = 0; f < frames; f++)
                {
                    double expected = f < data.Test.ValidFrames[c] ? (rawValues[(source * rows + row) * frames + f] - mean) / std : 0;
                    Assert.Equal(expected, values[(c * rows + row) * frames + f], 3);
                }
            }
        }
    }

    [Fact]
    public void Enrolment_of_more_clips_than_a_speaker_has_is_an_error_naming_the_field()
    {
        var spec = WithNormalization("enrolment:500");
        var e = Assert.Throws<InvalidDataException>(() => FoldData.Build(spec.Corpus, spec.Split, spec.Features, foldIndex: 0, cache: null));
        Assert.StartsWith("features.normalization 'enrolment:500':", e.Message);
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
