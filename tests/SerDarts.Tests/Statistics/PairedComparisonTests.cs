using SerDarts.Statistics;
using static SerDarts.Tests.Statistics.StatisticsFixtures;

namespace SerDarts.Tests.Statistics;

public class PairedComparisonTests
{
    public static TheoryData<string> Cases() => Names("paired");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Paired_difference_interval_and_wilcoxon_match_the_references(string name)
    {
        var c = Case("paired", name);
        var options = new BootstrapOptions(c.GetProperty("resamples").GetInt32(), c.GetProperty("seed").GetUInt64());
        var result = PairedComparison.Of(Observations(c.GetProperty("reference")), Observations(c.GetProperty("level")), options);
        Assert.Equal(c.GetProperty("pairs").GetInt32(), result.Pairs);
        Assert.Equal(c.GetProperty("speakers").GetInt32(), result.Speakers);
        Assert.Equal(c.GetProperty("units").GetInt32(), result.Units);
        Close(c.GetProperty("min_attainable_p").GetDouble(), result.MinAttainableP, what: "smallest attainable p");
        Assert.Equal(c.GetProperty("unmatched_reference").GetInt32(), result.UnmatchedReference);
        Assert.Equal(c.GetProperty("unmatched_level").GetInt32(), result.UnmatchedLevel);
        Close(c.GetProperty("mean_difference").GetDouble(), result.MeanDifference, what: "mean difference");
        Close(c.GetProperty("ci")[0].GetDouble(), result.Ci.Low, what: "low");
        Close(c.GetProperty("ci")[1].GetDouble(), result.Ci.High, what: "high");
        Assert.Equal(c.GetProperty("wilcoxon_method").GetString(), result.Wilcoxon.Method.ToString());
        Assert.Equal(c.GetProperty("zeros").GetInt32(), result.Wilcoxon.Zeros);
        Close(c.GetProperty("rank_sum_positive").GetDouble(), result.Wilcoxon.RankSumPositive, what: "R+");
        Close(c.GetProperty("wilcoxon_p").GetDouble(), result.Wilcoxon.PValue, what: "p");
        if (c.TryGetProperty("scipy_ci", out var scipy))
            NearScipy(scipy, result.Ci, name);
    }

    [Fact]
    public void Hand_checked_pairs()
    {
        // Two speakers, two seeds: differences +2, +4 (A) and -1, +3 (B); seeds averaged per unit: A 3, B 1; mean 2.
        // Every resample of two units averages AA (3), AB or BA (2) or BB (1), so the interval lies within [1, 3].
        Observation[] reference = [new("A", 0, 50), new("A", 1, 50), new("B", 0, 60), new("B", 1, 60)];
        Observation[] level = [new("A", 0, 52), new("A", 1, 54), new("B", 0, 59), new("B", 1, 63), new("C", 0, 70)];
        var result = PairedComparison.Of(reference, level);
        Assert.Equal((4, 2, 2, 2.0, 0, 1), (result.Pairs, result.Speakers, result.Units, result.MeanDifference, result.UnmatchedReference, result.UnmatchedLevel));
        Assert.Equal((1.0, 3.0), (result.Ci.Low, result.Ci.High));
        // Unit differences 3, 1 -> ranks 2, 1; R+ = 3, R- = 0; exact: P(R+ >= 3) = 1/4, p = 0.5, the floor for 2 units.
        Assert.Equal((3.0, 0.0, 0.5, 0.5), (result.Wilcoxon.RankSumPositive, result.Wilcoxon.RankSumNegative, result.Wilcoxon.PValue, result.MinAttainableP));
    }

    [Fact]
    public void Five_units_all_better_give_p_0_0625_and_say_that_0_05_is_out_of_reach()
    {
        // Ten speakers in five sessions, two seeds each, every difference positive: five unit differences of one
        // sign. The exact signed-rank test's smallest two-sided p for n = 5 is 2 / 2^5 = 0.0625.
        var sessions = Enumerable.Range(1, 5).ToList();
        var reference = sessions.SelectMany(s => new[] { "F", "M" }.SelectMany(g => new[] { 0, 1 }.Select(seed =>
            new Observation($"Ses0{s}{g}", seed, 0.50, $"Session{s}")))).ToList();
        var level = reference.Select(o => o with { Value = o.Value + 0.01 * (o.Seed + 1) + (o.Speaker.EndsWith('F') ? 0.001 * o.Speaker[4] : 0) }).ToList();
        var result = PairedComparison.Of(reference, level);
        Assert.Equal((20, 10, 5), (result.Pairs, result.Speakers, result.Units));
        Assert.Equal(0.0625, result.Wilcoxon.PValue, 15);
        Assert.Equal(0.0625, result.MinAttainableP, 15);
        Assert.Equal("5 units: a signed-rank test cannot reach 0.05 (smallest attainable p = 0.0625)", result.PowerNote);
        // Counting the ten speakers as units (the old pseudo-replication) would claim 2 / 2^10.
        var bySpeaker = PairedComparison.Of(reference.Select(o => o with { Unit = null }).ToList(), level.Select(o => o with { Unit = null }).ToList());
        Assert.Equal((10, 2.0 / 1024), (bySpeaker.Units, bySpeaker.Wilcoxon.PValue));
        Assert.Null(bySpeaker.PowerNote);
    }

    [Fact]
    public void Levels_without_a_common_pair_are_an_error()
    {
        var e = Assert.Throws<ArgumentException>(() => PairedComparison.Of([new("A", 0, 1)], [new("B", 0, 1)]));
        Assert.Contains("share no (speaker, seed) pair", e.Message);
    }
}
