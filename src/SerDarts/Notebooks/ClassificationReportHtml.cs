using System.Globalization;
using SerDarts.Reporting;
using SerDarts.Runs;

namespace SerDarts.Notebooks;

/// <summary>A classification report as its headline metrics (UA, WA, macro-F1 in percent) over its confusion-matrix heatmap.</summary>
internal sealed class ClassificationReportHtml : HtmlFormatter<ClassificationReport>
{
    public override string ToHtml(ClassificationReport value) =>
        string.Create(CultureInfo.InvariantCulture,
            $"<div class=\"serdarts-report\"><p>UA {value.UnweightedAccuracy * 100:F2}%, WA {value.WeightedAccuracy * 100:F2}%, macro-F1 {value.MacroF1 * 100:F2}%</p>\n")
        + PlotlyFigureHtml.Render(ConfusionMatrixChart.Create(value, "confusion matrix"), embedPlotlyJs: false)
        + "</div>";
}

/// <summary>The confusion-matrix heatmap's static drawing.</summary>
internal sealed class ClassificationReportSvg : SvgFormatter<ClassificationReport>
{
    public override IReadOnlyList<PlotlyFigure> Figures(ClassificationReport value) => [ConfusionMatrixChart.Create(value, "confusion matrix")];
}
