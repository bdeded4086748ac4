using System.Text.Json;
using System.Text.RegularExpressions;
using SerDarts.Networks;
using SerDarts.Reporting;
using SerDarts.Tests.Experiments;

namespace SerDarts.Tests.Reporting;

/// <summary>Every chart kind rendered to HTML, with its figure JSON parsed back and checked against the inputs.</summary>
public class ChartTests
{
    /// <summary>Renders the chart into an HTML fragment and parses the figure back out of its script.</summary>
    private static JsonElement Render(PlotlyFigure chart)
    {
        var html = ChartHtml.Fragment(chart, "probe-1");
        Assert.StartsWith("<div id=\"probe-1\" class=\"chart\"></div>", html);
        var json = Regex.Match(html, @"serdarts\.plot\(""probe-1"", (.*)\);</script>", RegexOptions.Singleline).Groups[1].Value;
        return JsonDocument.Parse(json.Replace("<\\/", "</")).RootElement;
    }

    private static string Title(JsonElement figure) => figure.GetProperty("layout").GetProperty("title").GetProperty("text").GetString()!;

    private static double[] Numbers(JsonElement array) => array.EnumerateArray().Select(e => e.GetDouble()).ToArray();

    private static string[] Texts(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToArray();

    [Fact]
    public void Accuracy_bars_show_ua_and_wa_means_with_sample_std_error_bars()
    {
        var variants = new[]
        {
            ResultTablesTests.Aggregate("lstm=1", "lstm-layers", "1", 0, NetworkKinds.Darts, [0.60, 0.64]),
            ResultTablesTests.Aggregate("lstm=2", "lstm-layers", "2", 1, NetworkKinds.Darts, [0.70]),
        };

        var figure = Render(AccuracyBarChart.Create(variants, "UA and WA by LSTM depth"));

        var data = figure.GetProperty("data");
        Assert.Equal(["bar", "bar"], data.EnumerateArray().Select(t => t.GetProperty("type").GetString()));
        Assert.Equal(["UA", "WA"], data.EnumerateArray().Select(t => t.GetProperty("name").GetString()));
        Assert.Equal(["1", "2"], Texts(data[0].GetProperty("x")));
        Assert.Equal([62.0, 70.0], Numbers(data[0].GetProperty("y")).Select(v => Math.Round(v, 9)));
        Assert.Equal([61.0, 69.0], Numbers(data[1].GetProperty("y")).Select(v => Math.Round(v, 9)));
        // std of (0.60, 0.64) = 0.04 / sqrt 2 = 2.828...%; one trial draws no bar.
        Assert.Equal([2.828427125, 0.0], Numbers(data[0].GetProperty("error_y").GetProperty("array")).Select(v => Math.Round(v, 9)));
        Assert.Equal("UA and WA by LSTM depth", Title(figure));
        Assert.Equal("group", figure.GetProperty("layout").GetProperty("barmode").GetString());
    }

    [Fact]
    public void Accuracy_bars_come_one_chart_per_factor_of_a_suite()
    {
        var variants = new[]
        {
            ResultTablesTests.Aggregate("model=cnn", "model", "cnn", 1, NetworkKinds.Cnn, [0.6]),
            ResultTablesTests.Aggregate("cells=8", "cells", "8", 4, NetworkKinds.Darts, [0.7]),
            ResultTablesTests.Aggregate("model=darts", "model", "darts", 0, NetworkKinds.Darts, [0.8]),
        };
        var charts = AccuracyBarChart.PerFactor(variants, "paper");
        Assert.Equal(["model", "cells"], charts.Select(c => c.Factor));
        Assert.Equal(["darts", "cnn"], Texts(Render(charts[0].Chart).GetProperty("data")[0].GetProperty("x")));
    }

    [Fact]
    public void Confusion_heatmap_shows_row_normalised_rates_and_counts()
    {
        int[][] confusion = [[8, 2, 0, 0], [1, 3, 0, 0], [0, 0, 5, 0], [0, 0, 0, 0]];

        var figure = Render(ConfusionMatrixChart.Create(confusion, ["neutral", "happy", "sad", "angry"], "Test confusion"));

        var heatmap = figure.GetProperty("data")[0];
        Assert.Equal("heatmap", heatmap.GetProperty("type").GetString());
        var z = heatmap.GetProperty("z").EnumerateArray().Select(Numbers).ToArray();
        Assert.Equal([80.0, 20.0, 0, 0], z[0]);
        Assert.Equal([25.0, 75.0, 0, 0], z[1]);
        Assert.Equal([0, 0, 100.0, 0], z[2]);
        Assert.Equal([0.0, 0, 0, 0], z[3]); // a class absent from the truth stays empty, not NaN
        Assert.Equal(["8", "2", "0", "0"], Texts(heatmap.GetProperty("text")[0]));
        Assert.Equal(["neutral", "happy", "sad", "angry"], Texts(heatmap.GetProperty("x")));
        Assert.Equal("reversed", figure.GetProperty("layout").GetProperty("yaxis").GetProperty("autorange").GetString());
        Assert.Equal("Test confusion", Title(figure));
    }

    [Fact]
    public void Confusion_matrices_pool_by_summing_counts()
    {
        var a = new SerDarts.Runs.ClassificationReport(0, 0, 0, [[1, 2], [3, 4]], ["x", "y"]);
        var b = new SerDarts.Runs.ClassificationReport(0, 0, 0, [[10, 20], [30, 40]], ["x", "y"]);
        Assert.Equal([[11, 22], [33, 44]], ConfusionMatrixChart.Sum([a, b]));
        Assert.Throws<ArgumentException>(() => ConfusionMatrixChart.Sum([a, b with { Classes = ["y", "x"] }]));
    }

    [Fact]
    public void Training_curves_plot_losses_and_accuracies_on_two_axes()
    {
        var epochs = FakeOutcomes.Epochs(3);

        var figure = Render(TrainingCurveChart.Create(epochs, "Training, fold 0"));

        var data = figure.GetProperty("data").EnumerateArray().ToArray();
        Assert.All(data, t => Assert.Equal("scatter", t.GetProperty("type").GetString()));
        Assert.Equal(["train loss", "validation loss", "train accuracy (%)", "validation UA (%)"], data.Select(t => t.GetProperty("name").GetString()));
        Assert.Equal(["y", "y", "y2", "y2"], data.Select(t => t.GetProperty("yaxis").GetString()));
        Assert.Equal([1.0, 2, 3], Numbers(data[0].GetProperty("x")));
        Assert.Equal([1.5, 0.75, 0.5], Numbers(data[0].GetProperty("y")));
        Assert.Equal([35.0, 45, 55], Numbers(data[3].GetProperty("y")).Select(v => Math.Round(v, 9))); // 0.25 + 0.1 e, in percent
        Assert.Equal("y", figure.GetProperty("layout").GetProperty("yaxis2").GetProperty("overlaying").GetString());
        Assert.Equal("Training, fold 0", Title(figure));
    }

    [Fact]
    public void Architecture_weights_open_on_the_last_epoch_with_a_slider_over_all_epochs()
    {
        var search = FakeOutcomes.SearchEpochs(2);

        var figure = Render(ArchitectureWeightChart.Create(search, ArchitectureWeightChart.Normal, "Normal cell"));

        var heatmap = figure.GetProperty("data")[0];
        Assert.Equal("heatmap", heatmap.GetProperty("type").GetString());
        var z = heatmap.GetProperty("z").EnumerateArray().Select(Numbers).ToArray();
        Assert.Equal(FakeOutcomes.Weights(14, 2, 0), z);
        Assert.Equal(FakeOutcomes.Operations, Texts(heatmap.GetProperty("x")));
        var edges = Texts(heatmap.GetProperty("y"));
        Assert.Equal(14, edges.Length);
        Assert.Equal(["n0 ← c(k-2)", "n0 ← c(k-1)", "n1 ← c(k-2)", "n1 ← c(k-1)", "n1 ← n0"], edges[..5]);
        Assert.Equal("n3 ← n2", edges[^1]);
        var steps = figure.GetProperty("layout").GetProperty("sliders")[0].GetProperty("steps").EnumerateArray().ToArray();
        Assert.Equal(["1", "2"], steps.Select(s => s.GetProperty("label").GetString()));
        Assert.Equal("restyle", steps[0].GetProperty("method").GetString());
        Assert.Equal(FakeOutcomes.Weights(14, 1, 0), steps[0].GetProperty("args")[1][0].EnumerateArray().Select(Numbers).ToArray());
        Assert.Equal("Normal cell<br><sub>normal-cell skip connections at epoch 2: 2</sub>", Title(figure));
    }

    [Fact]
    public void Reduce_cell_weights_come_from_the_reduce_matrices()
    {
        var figure = Render(ArchitectureWeightChart.Create(FakeOutcomes.SearchEpochs(2), ArchitectureWeightChart.Reduce, "Reduce cell"));
        Assert.Equal(FakeOutcomes.Weights(14, 2, 1), figure.GetProperty("data")[0].GetProperty("z").EnumerateArray().Select(Numbers).ToArray());
    }

    [Fact]
    public void Derived_cell_is_drawn_as_nodes_and_labelled_edges()
    {
        var genotype = FakeOutcomes.Genotype();

        var figure = Render(CellGraphChart.Create(genotype, ArchitectureWeightChart.Normal, "Derived normal cell"));

        var nodes = figure.GetProperty("data").EnumerateArray().Single();
        Assert.Equal("scatter", nodes.GetProperty("type").GetString());
        Assert.Equal(["c(k-2)", "c(k-1)", "n0", "n1", "n2", "n3", "c(k)"], Texts(nodes.GetProperty("text")));
        var annotations = figure.GetProperty("layout").GetProperty("annotations").EnumerateArray().ToArray();
        var arrows = annotations.Where(a => a.GetProperty("showarrow").GetBoolean()).ToArray();
        var labels = annotations.Where(a => !a.GetProperty("showarrow").GetBoolean()).ToArray();
        Assert.Equal(8 + 4, arrows.Length); // one per edge, one per concatenated state
        Assert.Equal(["sep_conv_3x3", "skip_connect", "sep_conv_5x5", "dil_conv_3x3", "max_pool_3x3", "sep_conv_3x3", "skip_connect", "dil_conv_5x5"],
            labels.Select(l => l.GetProperty("text").GetString()));
        // Edge 4 (dil_conv_3x3) goes from n0 (state 2, x = 1.5) into n1 (state 3, x = 3.0).
        Assert.Equal((1.5, 3.0), (arrows[3].GetProperty("ax").GetDouble(), arrows[3].GetProperty("x").GetDouble()));
        Assert.Equal(1.5 + 0.62 * 1.5, labels[3].GetProperty("x").GetDouble(), 12);
        // The concatenation arrows start at n0..n3 and end at c(k) (x = 7.5).
        Assert.All(arrows[8..], a => Assert.Equal(7.5, a.GetProperty("x").GetDouble()));
        Assert.Equal("Derived normal cell", Title(figure));
    }

    [Fact]
    public void Parameters_versus_ua_has_one_marker_per_spec_and_one_trace_per_model_on_a_log_axis()
    {
        var variants = new[]
        {
            ResultTablesTests.Aggregate("model=darts", "model", "darts", 0, NetworkKinds.Darts, [0.70, 0.74], 120_000),
            ResultTablesTests.Aggregate("model=cnn", "model", "cnn", 1, NetworkKinds.Cnn, [0.60], 50_000),
            ResultTablesTests.Aggregate("cells=8", "cells", "8", 4, NetworkKinds.Darts, [0.76], 150_000),
            ResultTablesTests.Aggregate("lstm=3", "lstm", "3", 5, NetworkKinds.Darts, []),
            ResultTablesTests.Aggregate("model=darts", "model", "darts", 0, NetworkKinds.Darts, [0.70, 0.74], 120_000) with { Variant = "cells=4" },
        };

        var figure = Render(ParameterScatterChart.Create(variants, "Parameters versus UA"));

        var data = figure.GetProperty("data").EnumerateArray().ToArray();
        Assert.Equal(["DARTS CNN-LSTM", "CNN"], data.Select(t => t.GetProperty("name").GetString()));
        Assert.Equal([120_000.0, 150_000], Numbers(data[0].GetProperty("x")));
        Assert.Equal([72.0, 76.0], Numbers(data[0].GetProperty("y")).Select(v => Math.Round(v, 9)));
        Assert.Equal(["model=darts (+1 equal)", "cells=8"], Texts(data[0].GetProperty("text")));
        Assert.Equal("model=darts<br>cells=4", Texts(data[0].GetProperty("hovertext"))[0]);
        Assert.Equal([2.828427125, 0.0], Numbers(data[0].GetProperty("error_y").GetProperty("array")).Select(v => Math.Round(v, 9)));
        Assert.Equal("log", figure.GetProperty("layout").GetProperty("xaxis").GetProperty("type").GetString());
        Assert.Equal("Parameters versus UA", Title(figure));
    }

    [Fact]
    public void Script_content_cannot_close_its_script_element()
    {
        var variants = new[] { ResultTablesTests.Aggregate("x</script><script>alert(1)", "f", "</script>", 0, NetworkKinds.Cnn, [0.5]) };
        var html = ChartHtml.Fragment(AccuracyBarChart.Create(variants, "t"), "c1");
        Assert.Single(Regex.Matches(html, "</script>"));
    }

    [Fact]
    public void Chart_element_ids_are_restricted()
    {
        var chart = TrainingCurveChart.Create(FakeOutcomes.Epochs(1), "t");
        Assert.Throws<ArgumentException>(() => ChartHtml.Fragment(chart, "a\"b"));
    }

    [Fact]
    public void Standalone_page_embeds_plotly_and_references_no_network_resource()
    {
        var page = ChartHtml.Page("one chart", [TrainingCurveChart.Create(FakeOutcomes.Epochs(2), "t")]);
        Assert.Contains("plotly.js v" + PlotlyJs.Version, page, StringComparison.Ordinal);
        Assert.DoesNotMatch(new Regex("<(script|link|img)[^>]*(src|href)=", RegexOptions.IgnoreCase), page);
        Assert.DoesNotContain("cdn.plot.ly/plotly-", page, StringComparison.Ordinal); // (plotly.js names the CDN only as its map topojson default)
        Assert.DoesNotContain("require.js", page, StringComparison.Ordinal);
        Assert.Contains("serdarts.plot(\"chart-0\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public void Plotly_js_is_the_version_plotly_net_targets()
    {
        Assert.Equal("2.28.0", PlotlyJs.Version);
        Assert.StartsWith("/**\n* plotly.js v2.28.0", PlotlyJs.Source);
        Assert.True(PlotlyJs.Source.Length > 1_000_000);
        Assert.Contains("@license MIT", PlotlyJs.LicenseNotices);
    }
}
