using System.Text;

namespace SerDarts.Reporting;

/// <summary>
/// Renders charts into HTML pages. A fragment is a &lt;div&gt; plus a script that draws the chart's figure
/// JSON (<see cref="PlotlyFigure.ToJson"/>) through the page's render tracker; a page carries plotly.js
/// itself (see <see cref="PlotlyJs"/>), so it opens without internet access.
/// </summary>
public static class ChartHtml
{
    /// <summary>The chart as plotly.js figure JSON: {"data": [...], "layout": {...}, "frames": []}.</summary>
    public static string FigureJson(PlotlyFigure chart) => chart.ToJson();

    /// <summary>A div and the script that draws the chart into it (needs <see cref="HeadElements"/> on the page).</summary>
    public static string Fragment(PlotlyFigure chart, string elementId)
    {
        if (elementId.Length == 0 || !elementId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            throw new ArgumentException($"chart element id '{elementId}' must be letters, digits, '-' or '_'", nameof(elementId));
        var id = elementId;
        return $"<div id=\"{id}\" class=\"chart\"></div>\n<script>serdarts.plot(\"{id}\", {ScriptSafe(FigureJson(chart))});</script>\n";
    }

    /// <summary>
    /// Head elements: the render tracker, then plotly.js. The tracker records window errors and counts the charts
    /// drawn: when every chart has rendered the root element carries data-rendered equal to data-charts, and
    /// data-errors counts script errors (the page checks itself; the tests read these attributes).
    /// </summary>
    public static string HeadElements() => Tracker + "\n" + PlotlyJs.InlineScriptElement() + "\n";

    /// <summary>A self-contained page with the given charts.</summary>
    public static string Page(string title, IEnumerable<PlotlyFigure> charts)
    {
        var body = new StringBuilder();
        var i = 0;
        foreach (var chart in charts) body.Append(Fragment(chart, $"chart-{i++}"));
        return HtmlPage.Document(title, body.ToString());
    }

    /// <summary>JSON is valid JavaScript; inside a script element only "&lt;/" and "&lt;!--" need escaping.</summary>
    internal static string ScriptSafe(string json) =>
        json.Replace("</", "<\\/", StringComparison.Ordinal).Replace("<!--", "<\\!--", StringComparison.Ordinal);

    private const string Tracker = """
        <script>
        (function () {
          var root = document.documentElement, charts = 0, rendered = 0, errors = [];
          function mark() {
            root.setAttribute("data-charts", charts);
            root.setAttribute("data-rendered", rendered);
            root.setAttribute("data-errors", errors.length);
            var pre = document.getElementById("serdarts-errors");
            if (pre) pre.textContent = errors.join("\n");
          }
          function fail(message) { errors.push(String(message)); mark(); }
          window.addEventListener("error", function (e) { fail(e.message + " at " + e.filename + ":" + e.lineno); });
          window.addEventListener("unhandledrejection", function (e) { fail("unhandled rejection: " + e.reason); });
          window.serdarts = {
            plot: function (id, figure) {
              charts++; mark();
              try {
                Plotly.newPlot(id, figure.data, figure.layout, { responsive: true, displaylogo: false })
                  .then(function () { rendered++; mark(); }, function (e) { fail("chart " + id + ": " + e); });
              } catch (e) { fail("chart " + id + ": " + e); }
            }
          };
          document.addEventListener("DOMContentLoaded", mark);
        })();
        </script>
        """;
}
