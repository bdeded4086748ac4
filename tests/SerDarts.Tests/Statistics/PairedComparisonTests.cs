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
        // Two speakers, two seeds: differences +2, +4 (A) and -1, +3 (B); mean 2. Every resample of two
        // speakers averages AA (3), AB or BA (2) or BB (1), so the interval lies within [1, 3].
        Observation[] reference = [new("A", 0, 50), new("A", 1, 50), new("B", 0, 60), new("B", 1, 60)];
        Observation[] level = [new("A", 0, 52), new("A", 1, 54), new("B", 0, 59), new("B", 1, 63), new("C", 0, 70)];
        var result = PairedComparison.Of(reference, level);
        Assert.Equal((4, 2, 2.0, 0, 1), (result.Pairs, result.Speakers, result.MeanDifference, result.UnmatchedReference, result.UnmatchedLevel));
        Assert.Equal((1.0, 3.0), (result.Ci.Low, result.Ci.High));
        // |d| = 2, 4, 1, 3 -> ranks 2, 4, 1, 3; R+ = 9, R- = 1; exact: P(R+ >= 9) = 2/16 (9 and 10), p = 0.25.
        Assert.Equal((9.0, 1.0, 0.25), (result.Wilcoxon.RankSumPositive, result.Wilcoxon.RankSumNegative, result.Wilcoxon.PValue));
    }

    [Fact]
    public void Levels_without_a_common_pair_are_an_error()
    {
        var e = Assert.Throws<ArgumentException>(() => PairedComparison.Of([new("A", 0, 1)], [new("B", 0, 1)]));
        Assert.Contains("share no (speaker, seed) pair", e.Message);
    }
}
