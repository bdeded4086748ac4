using System.Text.Json;
using SerDarts.Reporting;
using SerDarts.Tests.Experiments;

namespace SerDarts.Tests.Reporting;

/// <summary>The per-speaker, duration and search-diagnostics charts carry the series of their inputs (figure JSON
/// parsed back and checked against values typed in by hand).</summary>
public class StatisticsChartTests
{
    private static JsonElement Figure(PlotlyFigure chart) => JsonDocument.Parse(chart.ToJson()).RootElement;

    private static double?[] Numbers(JsonElement array) =>
        array.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.Null ? (double?)null : Math.Round(e.GetDouble(), 9)).ToArray();

    private static string[] Texts(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToArray();

    private static JsonElement Trace(JsonElement figure, string name) =>
        figure.GetProperty("data").EnumerateArray().Single(t => t.GetProperty("name").GetString() == name);

    [Fact]
    public void Speaker_heatmap_holds_each_variants_mean_over_seeds_per_speaker()
    {
        var figure = Figure(SpeakerChart.Create(HandReport.Create()));

        var heatmap = figure.GetProperty("data")[0];
        Assert.Equal("heatmap", heatmap.GetProperty("type").GetString());
        Assert.Equal(["a", "b"], Texts(heatmap.GetProperty("x")));
        Assert.Equal(["model=darts", "model=cnn", "dialogs=improvised"], Texts(heatmap.GetProperty("y")));
        var z = heatmap.GetProperty("z").EnumerateArray().Select(Numbers).ToArray();
        Assert.Equal([75.0, 70.0], z[0]);   // (80 + 70) / 2, (60 + 80) / 2
        Assert.Equal([45.0, 50.0], z[1]);
        Assert.Equal([66.0, null], z[2]);   // no result on speaker b: a gap, not a zero
    }

    [Fact]
    public void Duration_bars_show_ua_per_bucket_with_clip_counts()
    {
        var figure = Figure(DurationChart.Create(HandReport.Create()));

        var bars = figure.GetProperty("data");
        Assert.Equal(1, bars.GetArrayLength()); // only DARTS has clips
        Assert.Equal("model=darts", bars[0].GetProperty("name").GetString());
        Assert.Equal(["0–2 s", "8 s and longer"], Texts(bars[0].GetProperty("x"))); // buckets without clips are left out
        Assert.Equal([90.0, 50.0], Numbers(bars[0].GetProperty("y")));
        Assert.Equal(["8 clips", "8 clips"], Texts(bars[0].GetProperty("text")));
    }

    [Fact]
    public void Search_diagnostics_show_entropies_with_the_flat_line_supernet_ua_changes_and_skips()
    {
        // FakeOutcomes: epoch e has normal entropy 1 - 0.1 e, reduce 1 - 0.05 e, train UA 0.3 + 0.04 e, validation UA
        // 0.3 + 0.05 e, e - 1 changed edges, e mod 3 skips; epoch 1 is a warm-up (architecture frozen).
        var figure = Figure(SearchDiagnosticsChart.Create(FakeOutcomes.SearchEpochs(3), "diagnostics"));

        Assert.Equal([0.9, 0.8, 0.7], Numbers(Trace(figure, "normal cell entropy").GetProperty("y")));
        Assert.Equal([0.95, 0.9, 0.85], Numbers(Trace(figure, "reduce cell entropy").GetProperty("y")));
        var flat = Trace(figure, "flat above 0.98");
        Assert.Equal([0.98, 0.98], Numbers(flat.GetProperty("y")));
        Assert.Equal([0.5, 3.5], Numbers(flat.GetProperty("x")));
        Assert.Equal([34.0, 38.0, 42.0], Numbers(Trace(figure, "supernet train UA (%)").GetProperty("y")));
        Assert.Equal([35.0, 40.0, 45.0], Numbers(Trace(figure, "supernet validation UA (%)").GetProperty("y")));
        Assert.Equal("y2", Trace(figure, "supernet validation UA (%)").GetProperty("yaxis").GetString());
        Assert.Equal([0.0, 1.0, 2.0], Numbers(Trace(figure, "genotype edges changed").GetProperty("y")));
        Assert.Equal([1.0, 2.0, 0.0], Numbers(Trace(figure, "normal-cell skip connections").GetProperty("y")));
        Assert.Equal("y3", Trace(figure, "normal-cell skip connections").GetProperty("yaxis").GetString());
        var shading = figure.GetProperty("layout").GetProperty("shapes");
        Assert.Equal(1, shading.GetArrayLength()); // the warm-up epoch
        Assert.Equal((0.5, 1.5), (shading[0].GetProperty("x0").GetDouble(), shading[0].GetProperty("x1").GetDouble()));
    }

    [Fact]
    public void Search_diagnostics_without_epochs_are_refused() =>
        Assert.Throws<ArgumentException>(() => SearchDiagnosticsChart.Create([], "none"));
}
