using SerDarts.Statistics;
using static SerDarts.Tests.Statistics.StatisticsFixtures;

namespace SerDarts.Tests.Statistics;

public class HolmTests
{
    public static TheoryData<string> Cases() => Names("holm");

    /// <summary>fixtures.json's "holm" families: statsmodels.stats.multitest.multipletests(p, method="holm")[1].</summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public void Holm_matches_statsmodels(string name)
    {
        var c = Case("holm", name);
        var adjusted = Holm.Adjust(Doubles(c.GetProperty("p")));
        var expected = Doubles(c.GetProperty("holm"));
        Assert.Equal(expected.Length, adjusted.Length);
        for (int i = 0; i < expected.Length; i++) Close(expected[i], adjusted[i], what: $"{name}[{i}]");
    }

    [Fact]
    public void Hand_checked_family_and_bad_input()
    {
        // Sorted 0.005, 0.01, 0.03, 0.04 -> 4 x 0.005, 3 x 0.01, 2 x 0.03, max(0.06, 1 x 0.04): in input order below.
        var adjusted = Holm.Adjust([0.01, 0.04, 0.03, 0.005]);
        Assert.Equal([0.03, 0.06, 0.06, 0.02], adjusted.Select(p => Math.Round(p, 12)));
        Assert.Empty(Holm.Adjust([]));
        Assert.Contains("outside [0, 1]", Assert.Throws<ArgumentException>(() => Holm.Adjust([0.5, 1.5])).Message);
    }
}
