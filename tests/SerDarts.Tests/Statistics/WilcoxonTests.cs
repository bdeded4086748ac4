using SerDarts.Statistics;
using static SerDarts.Tests.Statistics.StatisticsFixtures;

namespace SerDarts.Tests.Statistics;

public class WilcoxonTests
{
    public static TheoryData<string> Cases() => Names("wilcoxon");

    [Theory]
    [MemberData(nameof(Cases))]
    public void P_values_match_scipy(string name)
    {
        var c = Case("wilcoxon", name);
        var result = Wilcoxon.SignedRank(Doubles(c.GetProperty("differences")));
        Assert.Equal(c.GetProperty("method").GetString(), result.Method.ToString());
        Assert.Equal(c.GetProperty("zeros").GetInt32(), result.Zeros);
        Close(c.GetProperty("rank_sum_positive").GetDouble(), result.RankSumPositive, what: $"{name} R+");
        Close(c.GetProperty("rank_sum_negative").GetDouble(), result.RankSumNegative, what: $"{name} R-");
        Close(c.GetProperty("p").GetDouble(), result.PValue, what: $"{name} p");
    }

    [Fact]
    public void Five_positive_differences_have_p_two_in_thirty_two()
    {
        // Only the all-plus sign pattern reaches R+ = 15, and only the all-minus one reaches 0: p = 2 * 1/32.
        var result = Wilcoxon.SignedRank([0.1, 0.2, 0.3, 0.4, 0.5]);
        Assert.Equal((15.0, 0.0, 0.0625, WilcoxonMethod.Exact), (result.RankSumPositive, result.Statistic, result.PValue, result.Method));
    }

    [Fact]
    public void Ties_with_few_differences_use_every_sign_pattern()
    {
        // |d| = 1, 1, 2: ranks 1.5, 1.5, 3; R+ = 4.5 (the +1 and the 2). Of the 8 patterns, R+ >= 4.5 for
        // {1.5+3, 1.5+3, 1.5+1.5+3} = 3 and R+ <= 4.5 for the other 5 + those 2 of 4.5 = 7: p = 2 * 3/8.
        var result = Wilcoxon.SignedRank([1, -1, 2]);
        Assert.Equal(WilcoxonMethod.SignFlip, result.Method);
        Assert.Equal(0.75, result.PValue, 15);
    }

    [Fact]
    public void Normal_approximation_by_hand()
    {
        // 51 positive distinct differences: R+ = 1326, mean 663, variance 51*52*103/24; p = erfc(|z|/sqrt 2).
        var result = Wilcoxon.SignedRank(Enumerable.Range(1, 51).Select(i => i * 0.5).ToArray());
        double z = (1326 - 663) / Math.Sqrt(51.0 * 52 * 103 / 24);
        Assert.Equal(WilcoxonMethod.Normal, result.Method);
        Close(z, result.Z!.Value, 1e-14, "z");
        Close(5.145276051717698e-10, result.PValue, 1e-12, "p"); // Python: math.erfc(z / math.sqrt(2))
    }

    [Fact]
    public void All_zero_differences_give_p_one_and_bad_input_is_rejected()
    {
        Assert.Equal(1.0, Wilcoxon.SignedRank([0.0, 0.0, 0.0]).PValue);
        Assert.Contains("no differences", Assert.Throws<ArgumentException>(() => Wilcoxon.SignedRank([])).Message);
        Assert.Contains("not finite", Assert.Throws<ArgumentException>(() => Wilcoxon.SignedRank([1.0, double.NaN])).Message);
    }
}
