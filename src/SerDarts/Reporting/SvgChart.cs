using System.Globalization;
using System.Text;

namespace SerDarts.Reporting;

/// <summary>
/// A static SVG drawing of a <see cref="PlotlyFigure"/>, made without a browser: the fallback that notebook viewers
/// which run no scripts (GitHub, nbviewer, a saved page opened before plotly.js loads) show instead of the plotly.js
/// chart. It draws what the library's chart factories use (heatmaps with their colour bar and cell text, grouped
/// bars, lines and markers with error bars, arrows and labels, rectangle shapes, stacked and overlaid y axes) from
/// the figure JSON, at plotly.js' default geometry; hover, sliders and animation are left out.
/// </summary>
public static class SvgChart
{
    /// <summary>The figure as one &lt;svg&gt; element (plotly.js' size: layout width/height, else 700 x 450).</summary>
    public static string Render(PlotlyFigure figure)
    {
        var drawn = new SvgFigure(figure);
        return Wrap(drawn.Width, drawn.Height, drawn.Body());
    }

    /// <summary>Several figures stacked top to bottom in one &lt;svg&gt; (a view that shows several charts).</summary>
    public static string Stack(IEnumerable<PlotlyFigure> figures)
    {
        var body = new StringBuilder();
        double width = 0, height = 0;
        foreach (var figure in figures)
        {
            var drawn = new SvgFigure(figure);
            body.Append(CultureInfo.InvariantCulture,
                $"<svg x=\"0\" y=\"{SvgFigure.N(height)}\" width=\"{SvgFigure.N(drawn.Width)}\" height=\"{SvgFigure.N(drawn.Height)}\">{drawn.Body()}</svg>\n");
            width = Math.Max(width, drawn.Width);
            height += drawn.Height;
        }
        return Wrap(width, height, body.ToString());
    }

    private static string Wrap(double width, double height, string body) =>
        $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"serdarts-static-chart\" width=\"{SvgFigure.N(width)}\" height=\"{SvgFigure.N(height)}\" "
        + $"viewBox=\"0 0 {SvgFigure.N(width)} {SvgFigure.N(height)}\" font-family=\"'Open Sans', Arial, sans-serif\" font-size=\"12\">\n"
        + $"<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n{body}</svg>";
}
