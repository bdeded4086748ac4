using SerDarts.Reporting;
using SerDarts.Networks;

namespace SerDarts.Notebooks;

/// <summary>A genotype as its two derived cells, drawn as graphs (normal, then reduction), with the genotype text above.</summary>
internal sealed class GenotypeHtml : HtmlFormatter<Genotype>
{
    public override string ToHtml(Genotype value) =>
        $"<div class=\"serdarts-genotype\"><pre>{Escape(GenotypeFormat.ToReadableString(value))}</pre>\n"
        + PlotlyFigureHtml.Render(CellGraphChart.Create(value, ArchitectureWeightChart.Normal, "normal cell"), embedPlotlyJs: false)
        + PlotlyFigureHtml.Render(CellGraphChart.Create(value, ArchitectureWeightChart.Reduce, "reduction cell"), embedPlotlyJs: false)
        + "</div>";
}
