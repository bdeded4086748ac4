using System.Text.Json;
using SerDarts.Statistics;
using SerDarts.Tests.Features;

namespace SerDarts.Tests.Statistics;

/// <summary>fixtures.json, written by make_fixtures.py in this folder from Debian 12's scipy 1.10.1.</summary>
internal static class StatisticsFixtures
{
    private static readonly Lazy<JsonElement> Root = new(() => JsonDocument.Parse(File.ReadAllText(Path.Combine(
        FeatureFixtures.Find(Path.Combine("tests", "SerDarts.Tests", "Statistics"), "fixtures.json"), "fixtures.json"))).RootElement);

    public static JsonElement Get(string section) => Root.Value.GetProperty(section);

    public static JsonElement Case(string section, string name) =>
        Get(section).EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);

    public static TheoryData<string> Names(string section)
    {
        var data = new TheoryData<string>();
        foreach (var c in Get(section).EnumerateArray()) data.Add(c.GetProperty("name").GetString()!);
        return data;
    }

    public static double[] Doubles(JsonElement array) => array.EnumerateArray().Select(e => e.GetDouble()).ToArray();

    public static List<Observation> Observations(JsonElement array) =>
        array.EnumerateArray().Select(o => new Observation(o.GetProperty("speaker").GetString()!,
            o.GetProperty("seed").GetInt32(), o.GetProperty("value").GetDouble(),
            o.TryGetProperty("unit", out var unit) ? unit.GetString() : null)).ToList();

    /// <summary>|actual - expected| within a relative tolerance (and 1e-15 absolute, for zeros).</summary>
    public static void Close(double expected, double actual, double relative = 1e-12, string what = "") =>
        Assert.True(Math.Abs(actual - expected) <= relative * Math.Abs(expected) + 1e-15,
            $"{what}: expected {expected:R}, got {actual:R}");

    /// <summary>Our interval within a fraction of its width of scipy.stats.bootstrap's (different random draws).</summary>
    public static void NearScipy(JsonElement scipyCi, Interval ours, string what)
    {
        var (low, high) = (scipyCi[0].GetDouble(), scipyCi[1].GetDouble());
        double tolerance = 0.05 * (high - low);
        Assert.True(Math.Abs(ours.Low - low) <= tolerance && Math.Abs(ours.High - high) <= tolerance,
            $"{what}: ours [{ours.Low}, {ours.High}], scipy [{low}, {high}], tolerance {tolerance}");
    }
}
