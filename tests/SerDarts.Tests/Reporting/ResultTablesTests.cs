using SerDarts.Experiments.Analysis;
using SerDarts.Experiments.Store;
using SerDarts.Networks;
using SerDarts.Reporting;
using SerDarts.Statistics;

namespace SerDarts.Tests.Reporting;

public class ResultTablesTests
{
    internal static VariantAggregate Aggregate(string variant, string factor, string level, int ordinal, string model, double[] ua, double parameters = 1000) => new(
        "paper", variant, factor, level, ordinal, model, "hash-" + variant, ua.Length, ua.Length, 1,
        MetricSummary.Of(ua), MetricSummary.Of(ua.Select(u => u - 0.01).ToList()), MetricSummary.Of(ua.Select(u => u - 0.02).ToList()),
        ua.Length == 0 ? double.NaN : parameters);

    [Theory]
    [InlineData(new double[0], "—")]
    [InlineData(new[] { 0.7318 }, "73.18 (n = 1)")]
    [InlineData(new[] { 0.70, 0.74, 0.66, 0.72 }, "70.50 ± 3.42")] // std 0.0341565 (see AggregationTests)
    public void Percent_shows_mean_and_sample_std(double[] values, string expected) =>
        Assert.Equal(expected, ResultTables.Percent(MetricSummary.Of(values)));

    [Fact]
    public void Paper_comparison_takes_the_model_factors_variant_and_never_subtracts_another_protocol()
    {
        static LevelStatistics Level(VariantRow v, double ua, string protocol) =>
            new(v, 1, new LevelSummary(1, 1, ua, double.NaN, new Interval(ua, ua), 1), new LevelSummary(1, 1, ua, double.NaN, new Interval(ua, ua), 1), protocol);
        var cells = new VariantRow("paper", "cells=8", "cells", "8", 4, NetworkKinds.Darts, "h1");
        var model = new VariantRow("paper", "model=darts-cnn-lstm", "model", "darts-cnn-lstm", 0, NetworkKinds.Darts, "h2");
        var report = new SuiteReport("paper", [], [Level(cells, 0.90, "sample"), Level(model, 0.71, "sample")], [], [],
            [Level(cells, 0.95, "sample, optimistic"), Level(model, 0.75, "sample, optimistic")]);

        var table = ResultTables.PaperComparison([report]).Figures;

        Assert.Equal(["71.00 (1 unit)", "75.00 (1 unit)"], table["ours (%)"].Cast<string>().Take(2));
        Assert.Equal(["paper / model=darts-cnn-lstm", "paper / model=darts-cnn-lstm"], table["variant"].Cast<string>().Take(2));
        Assert.Equal([ResultTables.NotComparable, ResultTables.NotComparable], table["difference (pp)"].Cast<string>().Take(2));
        Assert.Equal(["not run", "not run"], table["ours (%)"].Cast<string>().Skip(2).Take(2)); // no CNN
    }

    [Fact]
    public void Aggregate_table_lists_every_variant_with_formatted_metrics()
    {
        var table = ResultTables.Aggregate([
            Aggregate("model=cnn", "model", "cnn", 1, NetworkKinds.Cnn, [0.60, 0.64], 52_345),
            Aggregate("cells=8", "cells", "8", 4, NetworkKinds.Darts, []),
        ]);

        Assert.Equal(["suite", "factor", "level", "model", "trials", "UA (%)", "WA (%)", "macro-F1 (%)", "parameters"], table.Columns.Select(c => c.Name));
        Assert.Equal(["CNN", "DARTS CNN-LSTM"], table["model"].Cast<string>());
        Assert.Equal(["62.00 ± 2.83", "—"], table["UA (%)"].Cast<string>());
        Assert.Equal(["61.00 ± 2.83", "—"], table["WA (%)"].Cast<string>());
        Assert.Equal(["52,345", "—"], table["parameters"].Cast<string>());
        Assert.Equal([2L, 0L], table["trials"].Cast<long>());
    }

    [Fact]
    public void Results_json_has_nulls_where_values_are_undefined()
    {
        var json = System.Text.Json.JsonDocument.Parse(ResultsJson.Aggregates([
            Aggregate("model=cnn", "model", "cnn", 1, NetworkKinds.Cnn, [0.60, 0.64]),
            Aggregate("cells=8", "cells", "8", 4, NetworkKinds.Darts, [0.5]),
        ])).RootElement;

        Assert.Equal(0.62, json[0].GetProperty("ua").GetProperty("mean").GetDouble(), 12);
        Assert.Equal(Math.Sqrt(0.0008), json[0].GetProperty("ua").GetProperty("sampleStd").GetDouble(), 12);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, json[1].GetProperty("ua").GetProperty("sampleStd").ValueKind);
        Assert.Equal("cells=8", json[1].GetProperty("variant").GetString());
    }
}
