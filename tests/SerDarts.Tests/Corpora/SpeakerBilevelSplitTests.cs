using SerDarts.Corpora;

namespace SerDarts.Tests.Corpora;

/// <summary>search.bilevel = speakers: whole speakers per half, the weight half's size as close to the portion as
/// whole speakers allow (checked against every subset of speakers, enumerated here).</summary>
public class SpeakerBilevelSplitTests
{
    private static List<Utterance> Train(params int[] clipsPerSpeaker) =>
        [.. clipsPerSpeaker.SelectMany((n, s) => Enumerable.Range(0, n).Select(i =>
            new Utterance($"s{s}_{i}", "", new[] { "neutral", "happy", "sad", "angry" }[i % 4], $"spk{s}", $"S{s / 2}", 1, new Dictionary<string, string>())))];

    /// <summary>The smallest |weights - portion x n| over every non-trivial subset of speakers.</summary>
    private static double BestGap(int[] sizes, double portion)
    {
        int n = sizes.Sum();
        double best = double.MaxValue;
        for (int mask = 1; mask < (1 << sizes.Length) - 1; mask++)
        {
            int count = Enumerable.Range(0, sizes.Length).Where(i => (mask >> i & 1) == 1).Sum(i => sizes[i]);
            best = Math.Min(best, Math.Abs(count - portion * n));
        }
        return best;
    }

    [Theory]
    [InlineData(0.5, new[] { 10, 20, 30, 40, 50, 60, 70, 80 })]
    [InlineData(0.2, new[] { 13, 7, 29, 31, 5, 17 })]
    [InlineData(0.8, new[] { 40, 41, 3, 9, 22, 18, 11 })]
    [InlineData(0.5, new[] { 100, 1 })]
    public void No_speaker_is_in_both_halves_and_the_portion_is_as_close_as_whole_speakers_allow(double portion, int[] sizes)
    {
        var train = Train(sizes);
        foreach (var seed in new[] { 0, 1, 99 })
        {
            var (weights, architecture) = BilevelSplit.BySpeakers(train, portion, seed);
            Assert.Empty(weights.Select(u => u.Speaker).Intersect(architecture.Select(u => u.Speaker)));
            Assert.NotEmpty(weights);
            Assert.NotEmpty(architecture);
            Assert.Equal(train.Select(u => u.Id).Order(), weights.Concat(architecture).Select(u => u.Id).Order());
            Assert.Equal(BestGap(sizes, portion), Math.Abs(weights.Count - portion * train.Count), 9);
            Assert.Equal(weights.Select(u => u.Id), BilevelSplit.BySpeakers(train, portion, seed).Weights.Select(u => u.Id));
        }
    }

    [Fact]
    public void Equal_speakers_are_chosen_by_seed()
    {
        var train = Train(10, 10, 10, 10, 10, 10);
        var chosen = Enumerable.Range(0, 8).Select(seed => string.Join(",", BilevelSplit.BySpeakers(train, 0.5, seed).Weights
            .Select(u => u.Speaker).Distinct().Order())).ToList();
        Assert.All(chosen, c => Assert.Equal(3, c.Split(',').Length));
        Assert.True(chosen.Distinct().Count() > 1);
    }

    [Fact]
    public void One_training_speaker_is_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => BilevelSplit.BySpeakers(Train(12), 0.5, 0));
        Assert.Contains("search.bilevel", e.Message);
    }
}
