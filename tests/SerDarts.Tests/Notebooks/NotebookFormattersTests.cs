using System.Xml.Linq;
using Microsoft.Data.Analysis;
using SerDarts.Notebooks;
using SerDarts.Reporting;

namespace SerDarts.Tests.Notebooks;

public class NotebookFormattersTests
{
    [Fact]
    public void The_default_registry_holds_the_librarys_formatters()
    {
        var types = NotebookFormatters.Default.All.Select(f => f.GetType()).ToHashSet();

        Assert.Contains(typeof(PlotlyFigureHtml), types);
        Assert.Contains(typeof(HtmlContentFormatter), types);
        Assert.Contains(typeof(GenotypeHtml), types);
        Assert.Contains(typeof(ClassificationReportHtml), types);
        Assert.Contains(typeof(SearchResultHtml), types);
        Assert.Contains(typeof(VariantAggregateHtml), types);
        Assert.Contains(typeof(SuiteReportHtml), types);
        Assert.Contains(typeof(SearchDiagnosticsHtml), types);
        Assert.Contains(typeof(PaperComparisonHtml), types);
        Assert.Contains(typeof(PredictionReportHtml), types);
        Assert.DoesNotContain(NotebookFormatters.Default.All, f => f.Type == typeof(DataFrame)); // Microsoft.Data.Analysis' own extension renders those
    }

    [Fact]
    public void A_prediction_shows_each_files_probabilities_the_most_probable_in_bold_and_the_warnings()
    {
        var report = new SerDarts.Experiments.Prediction.PredictionReport("/runs/r", "cnn", "per file", [
            new("/audio/a<1>.wav", 3, [0.1, 0.2, 0.3, 0.4]),
            new("/audio/b.wav", 1, [0.7, 0.1, 0.1, 0.1]),
        ], ["no speaker audio & so on"]);

        var html = NotebookFormatters.Default.ToHtml(report)!;

        Assert.Contains("a&lt;1&gt;.wav", html);
        Assert.Contains("warning: no speaker audio &amp; so on", html);
        Assert.Contains("<td style=\"font-weight:bold\"><div style=\"background:#4c78a8;height:0.6em;width:40.0%\"></div>0.400</td>", html);
        Assert.Contains("<td style=\"font-weight:bold\"><div style=\"background:#4c78a8;height:0.6em;width:70.0%\"></div>0.700</td>", html);
        Assert.Equal(2, html.Split("font-weight:bold").Length - 1);
        Assert.Contains("<td>3</td>", html);
    }

    [Fact]
    public void A_data_frame_becomes_a_table_with_its_columns_rows_and_escaped_values()
    {
        var frame = new DataFrame(
            new StringDataFrameColumn("emotion", ["neutral", "a<b&c"]),
            new PrimitiveDataFrameColumn<double>("accuracy", [0.5, 0.25]));

        var table = XElement.Parse(DataFrameHtml.Render(frame, DataFrameHtml.DefaultMaxRows)); // well-formed, so parseable as XML

        Assert.Equal(["", "emotion", "accuracy"], table.Descendants("th").Select(e => e.Value));
        var rows = table.Descendants("tbody").Single().Elements("tr")
            .Select(r => r.Elements("td").Select(td => td.Value).ToArray()).ToArray();
        Assert.Equal([["0", "neutral", "0.5"], ["1", "a<b&c", "0.25"]], rows);
    }

    [Fact]
    public void A_long_data_frame_is_cut_and_says_how_many_rows_are_left()
    {
        var frame = new DataFrame(new PrimitiveDataFrameColumn<int>("i", Enumerable.Range(0, 7)));

        var table = XElement.Parse(DataFrameHtml.Render(frame, maxRows: 3));

        Assert.Equal(3, table.Descendants("tbody").Single().Elements("tr").Count());
        Assert.Equal("4 more rows", table.Element("p")!.Value);
    }

    [Fact]
    public void A_chart_draws_its_data_with_the_sessions_plotly_or_with_plotly_embedded_and_carries_a_static_drawing()
    {
        var chart = Plot.Chart([Plot.Trace("scatter", ("x", new[] { 1, 2, 3 }), ("y", new[] { 0.5, 0.75, 0.875 }))], Plot.Layout("probe"));

        var linked = NotebookFormatters.Default.ToHtml(chart)!;
        var embedded = PlotlyFigureHtml.Render(chart, embedPlotlyJs: true);

        Assert.Contains("\"x\":[1,2,3]", linked);
        Assert.Contains("\"y\":[0.5,0.75,0.875]", linked);
        Assert.StartsWith("<div class=\"serdarts-chart\">", linked);
        Assert.Contains("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"serdarts-static-chart\"", linked); // shown until plotly.js draws
        Assert.Contains("window.serdartsPlotlyWaiting", linked); // waits for the loader when plotly.js is not on the page yet
        Assert.DoesNotContain("http", linked.Replace("http://www.w3.org/2000/svg", ""), StringComparison.Ordinal); // nothing from the network
        Assert.True(linked.Length < 20_000, $"linked chart HTML is {linked.Length} characters");
        Assert.True(embedded.Length > 1_000_000, "the embedded chart must carry plotly.js itself");
        Assert.DoesNotContain("requirejs", embedded);
        Assert.Contains("<script type=\"text/javascript\">\n/* plotly.js 2.28.0", embedded);
        Assert.True(embedded.IndexOf("/* plotly.js", StringComparison.Ordinal) < embedded.IndexOf("\"y\":[0.5,0.75,0.875]", StringComparison.Ordinal));
    }

    [Fact]
    public void The_plotly_loader_is_the_embedded_copy_unless_SERDARTS_PLOTLY_names_the_cdn()
    {
        var embedded = NotebookPlotly.Loader(PlotlySource.Embedded);
        var cdn = NotebookPlotly.Loader(PlotlySource.Cdn);

        Assert.Contains(PlotlyJs.Source[^2000..].Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase), embedded);
        Assert.Contains("(function (define, exports, module) {", embedded); // plotly.js sets window.Plotly beside require.js
        Assert.DoesNotMatch("<script[^>]*\\ssrc=", embedded);
        Assert.Contains("https://cdn.plot.ly/plotly-2.28.0.min", cdn);
        Assert.True(cdn.Length < 3_000, $"the CDN loader is {cdn.Length} characters");
        Assert.All(new[] { embedded, cdn }, l => Assert.Contains("window.serdartsPlotlyWaiting = []", l)); // draws the waiting charts
        Assert.Equal(PlotlySource.Embedded, NotebookPlotly.ParseSource(null, out var none));
        Assert.Null(none);
        Assert.Equal(PlotlySource.Cdn, NotebookPlotly.ParseSource(" CDN ", out _));
        Assert.Equal(PlotlySource.Embedded, NotebookPlotly.ParseSource("jsdelivr", out var problem));
        Assert.Equal("SERDARTS_PLOTLY='jsdelivr' is not 'embedded' or 'cdn'; charts use the embedded plotly.js", problem);
    }

    [Fact]
    public void Each_rendering_of_a_chart_draws_into_its_own_element()
    {
        var chart = Plot.Chart([Plot.Trace("bar", ("y", new[] { 1 }))], Plot.Layout("twice"));

        var ids = Enumerable.Range(0, 2)
            .Select(_ => System.Text.RegularExpressions.Regex.Match(PlotlyFigureHtml.Render(chart, false), "<div id=\"([^\"]+)\"").Groups[1].Value)
            .ToList();

        Assert.NotEqual(ids[0], ids[1]);
    }

    private class Animal;

    private sealed class Dog : Animal;

    private sealed class Named<T>(string name) : HtmlFormatter<T>
    {
        public override string ToHtml(T value) => name;
    }

    [Fact]
    public void The_formatter_of_the_most_derived_registered_type_wins()
    {
        var registry = new NotebookFormatters([new Named<object>("object"), new Named<Animal>("animal")]);

        Assert.Equal("animal", registry.ToHtml(new Dog()));
        Assert.Equal("object", registry.ToHtml(42));
        Assert.Equal("dog", new NotebookFormatters([new Named<Animal>("animal"), new Named<Dog>("dog")]).ToHtml(new Dog()));
        Assert.Null(new NotebookFormatters([]).ToHtml(new Dog()));
    }
}
