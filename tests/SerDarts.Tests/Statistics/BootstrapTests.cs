using SerDarts.Runtime;
using MathNet.Numerics.Statistics;
using SerDarts.Statistics;
using static SerDarts.Tests.Statistics.StatisticsFixtures;

namespace SerDarts.Tests.Statistics;

public class BootstrapTests
{
    [Fact]
    public void SplitMix64_reproduces_the_published_sequence_for_seed_zero()
    {
        // Vigna's reference splitmix64.c started from state 0.
        var rng = new SplitMix64(0);
        Assert.Equal([0xE220A8397B1DCDAFUL, 0x6E789E6AA1B965F4UL, 0x06C45D188009454FUL], new[] { rng.Next(), rng.Next(), rng.Next() });
        var one = new SplitMix64(1);
        Assert.Equal(Get("splitmix64_seed1_first").EnumerateArray().Select(e => ulong.Parse(e.GetString()!)), new[] { one.Next(), one.Next(), one.Next() });
    }

    public static TheoryData<string> Summaries() => Names("summaries");

    [Theory]
    [MemberData(nameof(Summaries))]
    public void Level_summary_matches_the_independent_resampling_and_scipy(string name)
    {
        var c = Case("summaries", name);
        var options = new BootstrapOptions(c.GetProperty("resamples").GetInt32(), c.GetProperty("seed").GetUInt64(), c.GetProperty("level").GetDouble());
        var observations = Observations(c.GetProperty("observations"));
        var summary = LevelSummary.Of(observations, options);
        Close(c.GetProperty("mean").GetDouble(), summary.Mean, what: "mean");
        if (c.GetProperty("std").ValueKind != System.Text.Json.JsonValueKind.Null)
            Close(c.GetProperty("std").GetDouble(), summary.Std, what: "std");
        Close(c.GetProperty("ci")[0].GetDouble(), summary.Ci.Low, what: "low");
        Close(c.GetProperty("ci")[1].GetDouble(), summary.Ci.High, what: "high");
        Assert.Equal(observations.Count, summary.Count);
        Assert.Equal(observations.Select(o => o.Speaker).Distinct().Count(), summary.Speakers);
        Assert.Equal(c.GetProperty("units").GetInt32(), summary.Units);
        var first = Bootstrap.ResampledMeans(Clusters(observations), options with { Resamples = 5 });
        Assert.Equal(Doubles(c.GetProperty("first_means")), first);
        if (c.TryGetProperty("scipy_ci", out var scipy))
            NearScipy(scipy, summary.Ci, name);
    }

    [Fact]
    public void Input_order_does_not_change_a_summary()
    {
        var observations = Observations(Case("summaries", "ten_speakers_three_seeds").GetProperty("observations"));
        var reversed = observations.AsEnumerable().Reverse().ToList();
        Assert.Equal(LevelSummary.Of(observations), LevelSummary.Of(reversed));
    }

    [Fact]
    public void One_speaker_gives_a_point_interval_at_its_mean()
    {
        var summary = LevelSummary.Of([new("A", 0, 50.0), new("A", 1, 60.0)]);
        Assert.Equal((55.0, 55.0, 55.0), (summary.Mean, summary.Ci.Low, summary.Ci.High));
        Assert.Equal(1, summary.Units);
        Assert.True(double.IsNaN(summary.Std)); // one unit: its seeds are not independent draws, so there is no spread
    }

    [Fact]
    public void A_unit_weighs_once_whatever_its_speakers_and_seeds()
    {
        // Session S1: speaker A (seeds 0.50, 0.70 -> 0.60) and B (0.80) -> unit value 0.70; session S2: C 0.40.
        // Units 0.70 and 0.40: mean 0.55, sample std sqrt(2 * 0.15^2) = 0.2121...; resamples of two units average
        // 0.70, 0.55 or 0.40, so the interval lies within [0.40, 0.70].
        Observation[] observations = [new("A", 0, 0.50, "S1"), new("A", 1, 0.70, "S1"), new("B", 0, 0.80, "S1"), new("C", 0, 0.40, "S2")];
        var summary = LevelSummary.Of(observations);
        Assert.Equal((4, 3, 2), (summary.Count, summary.Speakers, summary.Units));
        Assert.Equal(0.55, summary.Mean, 12);
        Assert.Equal(Math.Sqrt(2 * 0.15 * 0.15), summary.Std, 12);
        Assert.True(summary.Ci.Low >= 0.40 - 1e-12 && summary.Ci.High <= 0.70 + 1e-12);
        Assert.Contains("more than one unit", Assert.Throws<ArgumentException>(() =>
            LevelSummary.Of([new("A", 0, 0.5, "S1"), new("A", 1, 0.5, "S2")])).Message);
    }

    [Fact]
    public void Numpy_linear_percentile_is_the_R7_quantile_used_for_the_interval()
    {
        var p = Get("percentiles");
        var sorted = Doubles(p.GetProperty("values")).Order().ToArray();
        var expected = Doubles(p.GetProperty("expected"));
        var q = Doubles(p.GetProperty("q"));
        for (int i = 0; i < q.Length; i++)
            Close(expected[i], SortedArrayStatistics.QuantileCustom(sorted, q[i] / 100, QuantileDefinition.R7), 1e-13, $"q {q[i]}");
    }

    [Fact]
    public void Bad_input_is_a_clear_error()
    {
        Assert.Contains("speaker 'A' seed 1 appears 2 times",
            Assert.Throws<ArgumentException>(() => LevelSummary.Of([new("A", 1, 0.5), new("A", 1, 0.6)])).Message);
        Assert.Contains("no observations", Assert.Throws<ArgumentException>(() => LevelSummary.Of([])).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => LevelSummary.Of([new("A", 1, 0.5)], new BootstrapOptions(Level: 1.0)));
        Assert.Contains("not finite", Assert.Throws<ArgumentException>(() => LevelSummary.Of([new("A", 1, double.NaN)])).Message);
    }

    /// <summary>One value per unit, as make_fixtures.py's unit_values: each speaker's seeds averaged, then the unit's speakers.</summary>
    private static List<IReadOnlyList<double>> Clusters(List<Observation> observations) =>
        observations.GroupBy(o => o.UnitKey).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(u => (IReadOnlyList<double>)[u.GroupBy(o => o.Speaker).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => g.OrderBy(o => o.Seed).Average(o => o.Value)).Average()]).ToList();
}
