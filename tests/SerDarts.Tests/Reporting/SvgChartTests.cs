using System.Globalization;
using System.Xml.Linq;
using SerDarts.Networks;
using SerDarts.Reporting;
using SerDarts.Tests.Experiments;

namespace SerDarts.Tests.Reporting;

/// <summary>
/// The static SVG drawing of charts: geometry computed by hand from plotly.js' default layout (700 x 450, margins
/// 80 left/right/bottom and 100 top, so the plot area is x 80..620, y 100..370 without colour bar or legend).
/// </summary>
public class SvgChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static XElement Draw(PlotlyFigure figure) => XElement.Parse(SvgChart.Render(figure));

    private static IEnumerable<XElement> Class(XElement svg, string name) =>
        svg.Descendants().Where(e => (string?)e.Attribute("class") == name);

    private static double A(XElement e, string attribute) => double.Parse((string)e.Attribute(attribute)!, CultureInfo.InvariantCulture);

    [Fact]
    public void Bar_heights_are_proportional_to_the_values_from_a_zero_baseline()
    {
        var figure = Plot.Chart([Plot.Trace("bar", ("x", new[] { "a", "b" }), ("y", new[] { 25.0, 50.0 }))],
            Plot.Layout("bars", ("yaxis", Plot.Axis("%", ("range", new[] { 0, 100 })))));

        var bars = Class(Draw(figure), "bar").ToList();

        // 270 px for 100 units: 2.7 px per unit. Two category bands of 270 px; a bar fills 80% of its band.
        Assert.Equal(2, bars.Count);
        Assert.Equal([67.5, 135], bars.Select(b => A(b, "height")));
        Assert.Equal([370 - 67.5, 370 - 135], bars.Select(b => A(b, "y")));
        Assert.Equal([216, 216], bars.Select(b => A(b, "width")));
        Assert.Equal([80 + 135 - 108, 80 + 270 + 135 - 108], bars.Select(b => A(b, "x")));
    }

    [Fact]
    public void Grouped_bars_share_their_band_and_error_bars_span_mean_plus_minus_the_error()
    {
        var figure = Plot.Chart(
            [
                Plot.Trace("bar", ("x", new[] { "a" }), ("y", new[] { 40.0 }), ("error_y", Plot.ErrorBars([10.0]))),
                Plot.Trace("bar", ("x", new[] { "a" }), ("y", new[] { 20.0 })),
            ],
            Plot.Layout("grouped", ("showlegend", false), ("yaxis", Plot.Axis("", ("range", new[] { 0, 100 })))));

        var svg = Draw(figure);
        var bars = Class(svg, "bar").ToList();

        // One band of 540 px; 80% of it (432 px) split between two bars of 216 px, side by side.
        Assert.Equal([80 + 54, 80 + 54 + 216], bars.Select(b => A(b, "x")));
        Assert.Equal([108, 54], bars.Select(b => A(b, "height")));
        // The error bar of the first bar: x at its centre (134 + 108 = 242), from 30 to 50 (y 289 to 235).
        var error = Class(svg, "error-bar").Single();
        Assert.StartsWith("M242,289V235", (string)error.Attribute("d")!);
    }

    [Fact]
    public void Heatmap_cells_take_plotly_colours_and_category_bands_with_a_reversed_y_axis()
    {
        double?[][] z = [[0, 1], [0.5, null]];
        var figure = Plot.Chart([Plot.Trace("heatmap", ("z", z), ("x", new[] { "p", "q" }), ("y", new[] { "r", "s" }),
                ("colorscale", "Viridis"), ("zmin", 0), ("zmax", 1))],
            Plot.Layout("heat", ("yaxis", Plot.Axis("", ("type", "category"), ("autorange", "reversed")))));

        var cells = Class(Draw(figure), "cell").ToList();

        // The colour bar takes 50 px more of the right margin: plot area x 80..570, so 245 px per column, 135 px per row.
        Assert.Equal(3, cells.Count); // the missing value draws nothing
        Assert.Equal([(80.0, 100.0), (325, 100), (80, 235)], cells.Select(c => (A(c, "x"), A(c, "y"))));
        Assert.All(cells, c => Assert.Equal((245.0, 135.0), (A(c, "width"), A(c, "height"))));
        // Viridis ends #440154 and #fde725; 0.5 lies 0.96875 of the way from the stop at 0.4392 (#26828e) to 0.5020 (#21918c):
        // (38, 130, 142) + 0.96875 (-5, 15, -2) = (33.2, 144.5, 140.1), rounded #21918c.
        Assert.Equal(["#440154", "#fde725", "#21918c"], cells.Select(c => (string)c.Attribute("fill")!));
    }

    [Fact]
    public void A_reversed_colour_scale_and_the_cell_text_template_follow_the_confusion_matrix()
    {
        var svg = Draw(ConfusionMatrixChart.Create([[3, 1], [0, 4]], ["sad", "angry"], "confusion"));

        var cells = Class(svg, "cell").ToList();
        var texts = Class(svg, "cell-text").Select(t => string.Concat(t.Nodes().Select(n => n is XElement e ? "|" + e.Value : ((XText)n).Value))).ToList();

        // Row-normalised: 75%, 25%, 0%, 100%. Blues reversed: 100% is plotly's first Blues stop rgb(5,10,172), 0% its last rgb(220,220,220).
        Assert.Equal(["75", "25", "0", "100"], cells.Select(c => (string)c.Attribute("data-z")!));
        Assert.Equal(["#dcdcdc", "#050aac"], new[] { cells[2], cells[3] }.Select(c => (string)c.Attribute("fill")!));
        Assert.Equal(["3|(75.0%)", "1|(25.0%)", "0|(0.0%)", "4|(100.0%)"], texts);
    }

    [Fact]
    public void A_line_breaks_at_a_missing_value_and_maps_x_and_y_linearly()
    {
        var figure = Plot.Chart([Plot.Trace("scatter", ("mode", "lines"), ("x", new[] { 1, 2, 3, 4 }), ("y", new double?[] { 1, null, 3, 4 }))],
            Plot.Layout("line", ("xaxis", Plot.Axis("", ("range", new[] { 1, 4 }))), ("yaxis", Plot.Axis("", ("range", new[] { 0, 4 })))));

        var lines = Class(Draw(figure), "line").ToList();

        // x 1..4 over 540 px (180 px per unit), y 0..4 over 270 px (67.5 px per unit); the lone first point draws no line.
        Assert.Equal(["440,167.5 620,100"], lines.Select(l => (string)l.Attribute("points")!));
    }

    [Fact]
    public void A_log_axis_places_decades_evenly_over_its_range_of_exponents()
    {
        var figure = Plot.Chart([Plot.Trace("scatter", ("mode", "markers"), ("x", new[] { 10.0, 100.0, 1000.0 }), ("y", new[] { 1.0, 1.0, 1.0 }))],
            Plot.Layout("log", ("xaxis", Plot.Axis("", ("type", "log"), ("range", new[] { 1, 3 })))));

        var markers = Class(Draw(figure), "marker").ToList();

        Assert.Equal([80, 350, 620], markers.Select(m => A(m, "cx")));
    }

    [Fact]
    public void Cell_graph_arrows_run_between_the_states_they_connect()
    {
        var svg = Draw(CellGraphChart.Create(FakeOutcomes.Genotype(), ArchitectureWeightChart.Normal, "cell"));

        var nodes = Class(svg, "marker").ToList();
        var arrows = Class(svg, "arrow").ToList();
        var labels = Class(svg, "annotation").Select(t => t.Value).ToList();

        Assert.Equal(7, nodes.Count); // c(k-2), c(k-1), n0..n3, c(k)
        Assert.Equal(12, arrows.Count); // 8 edges and 4 concatenated states
        Assert.Equal(["sep_conv_3x3", "skip_connect", "sep_conv_5x5", "dil_conv_3x3", "max_pool_3x3", "sep_conv_3x3", "skip_connect", "dil_conv_5x5"], labels);
        // Edge 4 (n0 -> n1): its line points from n0's marker towards n1's, shortened by 22 px at both ends.
        var (n0, n1) = ((A(nodes[2], "cx"), A(nodes[2], "cy")), (A(nodes[3], "cx"), A(nodes[3], "cy")));
        var line = arrows[3].Element(Svg + "line")!;
        var length = Math.Sqrt(Math.Pow(n1.Item1 - n0.Item1, 2) + Math.Pow(n1.Item2 - n0.Item2, 2));
        Assert.Equal(n0.Item1 + 22 * (n1.Item1 - n0.Item1) / length, A(line, "x1"), 1);
        Assert.Equal(n0.Item2 + 22 * (n1.Item2 - n0.Item2) / length, A(line, "y1"), 1);
    }

    [Fact]
    public void Every_chart_of_the_library_draws_as_well_formed_svg_of_its_layout_size()
    {
        var report = HandReport.Create();
        var charts = new[]
        {
            AccuracyBarChart.Create([ResultTablesTests.Aggregate("lstm=1", "lstm-layers", "1", 0, NetworkKinds.Darts, [0.60, 0.64])], "bars"),
            ArchitectureWeightChart.Create(FakeOutcomes.SearchEpochs(3), ArchitectureWeightChart.Reduce, "weights"),
            CellGraphChart.Create(FakeOutcomes.Genotype(), ArchitectureWeightChart.Reduce, "cell"),
            ConfusionMatrixChart.Create(FakeOutcomes.Confusion(0, 0), ["n", "h", "s", "a"], "confusion"),
            DurationChart.Create(report),
            FeatureMapChart.Create(new double[3, 4], 0.01, "band", "map"),
            SpeakerChart.Create(report),
            SearchDiagnosticsChart.Create(FakeOutcomes.SearchEpochs(3), "diagnostics"),
            TrainingCurveChart.Create(FakeOutcomes.Epochs(3), "training"),
        };

        foreach (var chart in charts)
        {
            var svg = Draw(chart);
            var layoutHeight = chart.Layout.TryGetValue("height", out var h) ? Convert.ToDouble(h, CultureInfo.InvariantCulture) : 450;
            Assert.Equal((700.0, layoutHeight), (A(svg, "width"), A(svg, "height")));
            Assert.Equal(chart.Title.Split("<br>")[0], Class(svg, "title").Single().Value);
        }
    }

    [Fact]
    public void A_large_heatmap_is_averaged_over_blocks()
    {
        var matrix = new double[200, 300];
        for (var r = 0; r < 200; r++)
            for (var c = 0; c < 300; c++) matrix[r, c] = r;

        var cells = Class(Draw(FeatureMapChart.Create(matrix, 0.01, "band", "map")), "cell").ToList();

        // 60,000 cells in blocks of 4 x 4 (ceil(200 / sqrt(4096 * 200 / 300)) = ceil(3.83) rows, ceil(300 / sqrt(4096 * 300 / 200)) = ceil(3.83) columns): 50 x 75 blocks.
        Assert.Equal(50 * 75, cells.Count);
        Assert.Equal(1.5, double.Parse((string)cells[0].Attribute("data-z")!, CultureInfo.InvariantCulture)); // mean of rows 0..3
    }

    [Fact]
    public void Stacked_figures_sit_one_below_the_other()
    {
        var genotype = FakeOutcomes.Genotype();
        var svg = XElement.Parse(SvgChart.Stack([CellGraphChart.Create(genotype, "normal", "a"), CellGraphChart.Create(genotype, "reduce", "b")]));

        var parts = svg.Elements(Svg + "svg").ToList();

        Assert.Equal([0, 460], parts.Select(p => A(p, "y")));
        Assert.Equal(920, A(svg, "height"));
    }
}
