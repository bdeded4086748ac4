using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using SerDarts.Reporting;

namespace SerDarts.Notebooks;

/// <summary>
/// A <see cref="PlotlyFigure"/> as a notebook output: a div and a script that loads plotly.js through
/// require.js from the CDN (the way Plotly.NET's notebook integration does, so notebooks stay small), in
/// VS Code, Jupyter and the headless runner alike. <c>embedPlotlyJs</c> carries plotly.js itself (offline,
/// about 3.5 MB: once per page, not per chart, where a page has several).
/// </summary>
public sealed class PlotlyFigureHtml : HtmlFormatter<PlotlyFigure>
{
    public override string ToHtml(PlotlyFigure value) => Render(value, embedPlotlyJs: false);

    public static string Render(PlotlyFigure figure, bool embedPlotlyJs)
    {
        var json = ChartHtml.ScriptSafe(figure.ToJson());
        var id = ElementId(json);
        var draw = $"Plotly.newPlot(\"{id}\", figure.data, figure.layout, {{ responsive: true, displaylogo: false }});";
        var html = new StringBuilder($"<div id=\"{id}\" class=\"serdarts-chart\"></div>\n<script type=\"text/javascript\">\n(function () {{\n  var figure = {json};\n");
        if (embedPlotlyJs)
            return PlotlyJs.InlineScriptElement() + html.Append($"  {draw}\n}})();\n</script>\n");
        html.Append(CultureInfo.InvariantCulture, $$"""
              function draw(Plotly) { {{draw}} }
              function load() {
                var require = requirejs.config({ context: "serdarts-plotly", paths: { plotly: "https://cdn.plot.ly/plotly-{{PlotlyJs.Version}}.min" } }) || window.require;
                require(["plotly"], draw);
              }
              if (typeof requirejs === "function" && typeof requirejs.config === "function") load();
              else {
                var script = document.createElement("script");
                script.src = "https://cdnjs.cloudflare.com/ajax/libs/require.js/2.3.6/require.min.js";
                script.onload = load;
                document.head.appendChild(script);
              }
            })();
            </script>

            """);
        return html.ToString();
    }

    /// <summary>Unique per output (a notebook may show one figure twice), stable in length and charset.</summary>
    private static string ElementId(string json) =>
        "serdarts-" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(json)))[..12].ToLowerInvariant()
        + "-" + Guid.NewGuid().ToString("N")[..8];
}
