using SerDarts.Reporting;
using SerDarts.Networks;

namespace SerDarts.Notebooks;

/// <summary>A genotype as its two derived cells, drawn as graphs (normal, then reduction), with the genotype text above.</summary>
internal sealed class GenotypeHtml : HtmlFormatter<Genotype>
{
    public override string ToHtml(Genotype value) =>
        $"<div class=\"serdarts-genotype\"><pre>{Escape(GenotypeFormat.ToReadableString(value))}</pre>\n"
        + string.Concat(Figures(value).Select(f => PlotlyFigureHtml.Render(f, embedPlotlyJs: false)))
        + "</div>";

    internal static IReadOnlyList<PlotlyFigure> Figures(Genotype value) =>
    [
        CellGraphChart.Create(value, ArchitectureWeightChart.Normal, "normal cell"),
        CellGraphChart.Create(value, ArchitectureWeightChart.Reduce, "reduction cell"),
    ];
}

/// <summary>Both derived cells' static drawings.</summary>
internal sealed class GenotypeSvg : SvgFormatter<Genotype>
{
    public override IReadOnlyList<PlotlyFigure> Figures(Genotype value) => GenotypeHtml.Figures(value);
}
