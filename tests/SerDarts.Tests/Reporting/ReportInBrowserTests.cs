using System.Text.RegularExpressions;
using SerDarts.Reporting;

namespace SerDarts.Tests.Reporting;

/// <summary>Opens a report in headless Chromium, offline, and reads the page's own render tracker from the DOM.</summary>
public class ReportInBrowserTests(FilledStore filled) : IClassFixture<FilledStore>
{
    [ChromiumFact]
    public void Report_draws_every_chart_without_script_errors()
    {
        var path = new ReportBuilder(filled.Store).Write(Path.Combine(filled.Folder, "browser", "report.html"));

        var dom = Chromium.DumpDom(path, TimeSpan.FromMinutes(2));

        var root = Regex.Match(dom, "<html[^>]*>").Value;
        int Attribute(string name) => int.Parse(Regex.Match(root, $"{name}=\"(\\d+)\"").Groups[1].Value is { Length: > 0 } v ? v : "-1");
        var errors = Regex.Match(dom, "<pre id=\"serdarts-errors\"[^>]*>(.*?)</pre>", RegexOptions.Singleline).Groups[1].Value;
        Assert.True(Attribute("data-errors") == 0, $"script errors: {errors} (root element: {root})");
        Assert.Equal(23, Attribute("data-charts")); // as counted in ReportBuilderTests
        Assert.Equal(23, Attribute("data-rendered"));
        Assert.True(Regex.Matches(dom, "class=\"main-svg\"").Count >= 15, "plotly drew no SVG");
        Assert.Contains("class=\"heatmaplayer", dom, StringComparison.Ordinal);
        Assert.Contains("class=\"barlayer", dom, StringComparison.Ordinal);
    }

    [ChromiumFact]
    public void Page_tracker_reports_a_script_error()
    {
        // The check above is only meaningful if a broken page is caught: inject an error after one good chart.
        var page = ChartHtml.Page("broken", [TrainingCurveChart.Create(Experiments.FakeOutcomes.Epochs(2), "t")])
            .Replace("</body>", "<script>notDefinedAnywhere();</script>\n</body>", StringComparison.Ordinal);
        var path = Path.Combine(filled.Folder, "broken.html");
        File.WriteAllText(path, page);

        var dom = Chromium.DumpDom(path, TimeSpan.FromMinutes(2));

        var root = Regex.Match(dom, "<html[^>]*>").Value;
        Assert.Contains("data-errors=\"1\"", root, StringComparison.Ordinal);
        Assert.Contains("data-rendered=\"1\"", root, StringComparison.Ordinal);
        Assert.Contains("notDefinedAnywhere is not defined", dom, StringComparison.Ordinal);
    }
}
