using SerDarts.Runs;
using SerDarts.Runtime;

namespace SerDarts.Tests.Runs;

public class SamplingTests
{
    [Fact]
    public void An_epoch_visits_every_sample_once_in_a_seeded_order()
    {
        var a = BatchSampler.Batches(23, 5, seed: 7, epoch: 3, shuffle: true, dropLast: false);
        Assert.Equal([5, 5, 5, 5, 3], a.Select(b => b.Length));
        Assert.Equal(Enumerable.Range(0, 23), a.SelectMany(b => b).Order());
        var again = BatchSampler.Batches(23, 5, 7, 3, true, false);
        Assert.Equal(a.SelectMany(b => b), again.SelectMany(b => b));
        var nextEpoch = BatchSampler.Batches(23, 5, 7, 4, true, false);
        Assert.NotEqual(a.SelectMany(b => b), nextEpoch.SelectMany(b => b));
        var otherSeed = BatchSampler.Batches(23, 5, 8, 3, true, false);
        Assert.NotEqual(a.SelectMany(b => b), otherSeed.SelectMany(b => b));
    }

    [Fact]
    public void Drop_last_removes_the_incomplete_batch_and_evaluation_keeps_the_order()
    {
        Assert.Equal(4, BatchSampler.Batches(23, 5, 1, 0, true, dropLast: true).Count);
        Assert.Single(BatchSampler.Batches(3, 5, 1, 0, true, dropLast: true)); // never empty
        Assert.Equal(Enumerable.Range(0, 7), BatchSampler.Batches(7, 3, 1, 0, shuffle: false, dropLast: false).SelectMany(b => b));
    }

    [Fact]
    public void Permutations_are_roughly_uniform()
    {
        // Position of sample 0 over 4000 seeds: each of 4 places about 1000 times.
        var counts = new int[4];
        for (int seed = 0; seed < 4000; seed++) counts[Array.IndexOf(Seeds.Permutation(4, seed), 0)]++;
        Assert.All(counts, c => Assert.InRange(c, 880, 1120));
    }

    [Fact]
    public void Cosine_schedule_goes_from_initial_to_minimum()
    {
        var s = new CosineSchedule(0.025, 0.001, 10);
        Assert.Equal(0.025, s.At(0), 12);
        Assert.Equal(0.013, s.At(5), 12); // halfway: the mean
        Assert.Equal(0.001, s.At(10), 12);
        Assert.True(s.At(3) > s.At(4));
    }

    [Fact]
    public void Seeds_differ_by_purpose_and_epoch_and_are_stable()
    {
        Assert.Equal(Seeds.Derive(2, 0, 1), Seeds.Derive(2, 0, 1));
        Assert.NotEqual(Seeds.Derive(2, 0, 1), Seeds.Derive(2, 1, 1));
        Assert.NotEqual(Seeds.Derive(2, 0, 1), Seeds.Derive(2, 0, 2));
        Assert.True(Seeds.Derive(-5, 3) >= 0);
    }
}
