using SerDarts.Reporting;

namespace SerDarts.Notebooks;

/// <summary>
/// A <see cref="PlotlyFigure"/> as a notebook output: the static drawing and the script that replaces it with the
/// plotly.js chart (<see cref="NotebookPlotly.Chart"/>). plotly.js comes from the loader that SerDarts' kernel
/// extension writes once per session; <c>embedPlotlyJs</c> carries it in this output itself (about 3.5 MB).
/// </summary>
public sealed class PlotlyFigureHtml : HtmlFormatter<PlotlyFigure>
{
    public override string ToHtml(PlotlyFigure value) => Render(value, embedPlotlyJs: false);

    public static string Render(PlotlyFigure figure, bool embedPlotlyJs) => NotebookPlotly.Chart(figure, withLoader: embedPlotlyJs);
}

/// <summary>A figure's static drawing.</summary>
internal sealed class PlotlyFigureSvg : SvgFormatter<PlotlyFigure>
{
    public override IReadOnlyList<PlotlyFigure> Figures(PlotlyFigure value) => [value];
}
