using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using SerDarts.Reporting;

namespace SerDarts.Notebooks;

/// <summary>
/// How notebook charts get plotly.js. Every chart output (<see cref="Chart"/>) is a div with a static SVG drawing
/// (<see cref="SvgChart"/>) and a small script that draws the figure with <c>window.Plotly</c> when it is there,
/// and otherwise queues the drawing; the loader (<see cref="Loader"/>) defines <c>window.Plotly</c> and draws every
/// queued chart. So the order of outputs does not matter: a chart above the loader in a saved notebook (a cell
/// run again after the loader's cell) is drawn when the page reaches the loader, and a page without the loader
/// (or without scripts) still shows the static drawing. SerDarts' kernel extension writes the loader once per
/// kernel session, under the cell that adds the package (see docs/arch/notebooks.md).
/// </summary>
public static class NotebookPlotly
{
    /// <summary>The environment variable that picks <see cref="PlotlySource"/>: "embedded" (the default) or "cdn".</summary>
    public const string Variable = "SERDARTS_PLOTLY";

    /// <summary>The CSS class of every chart output's outer div (checks find chart outputs by it).</summary>
    public const string ChartClass = "serdarts-chart";

    /// <summary>The source that <see cref="Variable"/> names; the problem, in one line naming the variable, when it names none.</summary>
    public static PlotlySource SourceFromEnvironment(out string? problem) => ParseSource(Environment.GetEnvironmentVariable(Variable), out problem);

    /// <summary>Parses a <see cref="Variable"/> value: empty or "embedded" (also "inline", "offline"), or "cdn"; anything else is embedded, with a problem.</summary>
    public static PlotlySource ParseSource(string? value, out string? problem)
    {
        problem = null;
        switch ((value ?? "").Trim().ToLowerInvariant())
        {
            case "" or "embedded" or "inline" or "offline": return PlotlySource.Embedded;
            case "cdn": return PlotlySource.Cdn;
            default:
                problem = $"{Variable}='{value}' is not 'embedded' or 'cdn'; charts use the embedded plotly.js";
                return PlotlySource.Embedded;
        }
    }

    /// <summary>
    /// The output that makes <c>window.Plotly</c> available and draws the charts waiting for it: plotly.js itself
    /// (evaluated once per page) or a script that loads it from the CDN (through require.js where the page has it).
    /// </summary>
    public static string Loader(PlotlySource source)
    {
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture,
            $"<div class=\"serdarts-plotly\"><small>SerDarts charts: plotly.js {PlotlyJs.Version} {(source == PlotlySource.Embedded ? "embedded in this notebook (draws offline)" : "from cdn.plot.ly")}; set {Variable}={(source == PlotlySource.Embedded ? "cdn for smaller notebook files" : "embedded to draw offline")}.</small></div>\n");
        if (source == PlotlySource.Embedded)
        {
            html.Append("<script type=\"text/javascript\">\n/* plotly.js ").Append(PlotlyJs.Version)
                .Append(" (MIT), embedded so that these charts render offline. Bundled notices:\n")
                .Append(PlotlyJs.LicenseNotices.Replace("*/", "* /", StringComparison.Ordinal)).Append("\n*/\n")
                // Shadowing define/exports/module makes plotly.js' UMD header set window.Plotly even where the page has
                // require.js (classic Jupyter, nbconvert pages), which would otherwise take it as an anonymous module.
                .Append("if (!(window.Plotly && window.Plotly.newPlot)) (function (define, exports, module) {\n")
                .Append(PlotlyJs.Source.Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase))
                .Append("\n}).call(window);\n").Append(Drain).Append("(window.Plotly);\n</script>\n");
            return html.ToString();
        }
        html.Append(CultureInfo.InvariantCulture, $$"""
            <script type="text/javascript">
            (function () {
              var ready = {{Drain}};
              var url = "https://cdn.plot.ly/plotly-{{PlotlyJs.Version}}.min";
              if (window.Plotly && window.Plotly.newPlot) ready(window.Plotly);
              else if (typeof requirejs === "function" && typeof requirejs.config === "function")
                requirejs.config({ context: "serdarts-plotly", paths: { plotly: url } })(["plotly"], ready);
              else {
                var script = document.createElement("script");
                script.src = url + ".js";
                script.onload = function () { ready(window.Plotly); };
                document.head.appendChild(script);
              }
            })();
            </script>

            """);
        return html.ToString();
    }

    /// <summary>
    /// A chart output: the static SVG drawing, replaced by the plotly.js chart once plotly.js is on the page
    /// (at once, or when the loader runs). <paramref name="withLoader"/> puts the embedded loader first (a self-contained output).
    /// </summary>
    public static string Chart(PlotlyFigure figure, bool withLoader = false)
    {
        var json = ChartHtml.ScriptSafe(figure.ToJson());
        var id = ElementId(json);
        var html = new StringBuilder(withLoader ? Loader(PlotlySource.Embedded) : "");
        html.Append(CultureInfo.InvariantCulture, $$"""
            <div class="{{ChartClass}}">
            <div id="{{id}}"></div>
            <div id="{{id}}-static" class="serdarts-chart-static">{{SvgChart.Render(figure)}}</div>
            <script type="text/javascript">
            (function () {
              var figure = {{json}};
              function draw(Plotly) {
                Plotly.newPlot("{{id}}", figure.data, figure.layout, { responsive: true, displaylogo: false }).then(function () {
                  var drawing = document.getElementById("{{id}}-static");
                  if (drawing) drawing.style.display = "none";
                });
              }
              if (window.Plotly && window.Plotly.newPlot) draw(window.Plotly);
              else (window.serdartsPlotlyWaiting = window.serdartsPlotlyWaiting || []).push(draw);
            })();
            </script>
            </div>

            """);
        return html.ToString();
    }

    /// <summary>Draws the queued charts with the Plotly object it is given and empties the queue.</summary>
    private const string Drain =
        "(function (Plotly) { window.Plotly = window.Plotly || Plotly; var waiting = window.serdartsPlotlyWaiting || []; "
        + "window.serdartsPlotlyWaiting = []; for (var i = 0; i < waiting.length; i++) waiting[i](window.Plotly); })";

    /// <summary>Unique per output (a notebook may show one figure twice), stable in length and charset.</summary>
    private static string ElementId(string json) =>
        "serdarts-" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(json)))[..12].ToLowerInvariant()
        + "-" + Guid.NewGuid().ToString("N")[..8];
}
