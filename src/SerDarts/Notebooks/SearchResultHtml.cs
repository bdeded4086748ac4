using System.Globalization;
using System.Text;
using SerDarts.Reporting;
using SerDarts.Search;

namespace SerDarts.Notebooks;

/// <summary>
/// The diagnostics of a search: how it ended, one row per epoch (losses, validation UA, the normal cell's skip
/// connections, which DARTS is known to inflate), the normal-cell weights over the epochs, and the genotype.
/// </summary>
internal sealed class SearchResultHtml : HtmlFormatter<SearchResult>
{
    public override string ToHtml(SearchResult value)
    {
        var state = value.StoppedEarly ? "stopped early by the skip-connection guard" : value.Completed ? "completed" : "interrupted (resumable)";
        var html = new StringBuilder($"<div class=\"serdarts-search\"><p>search {Escape(state)}, {value.History.Count} epoch(s)</p>\n")
            .Append("<table><thead><tr><th>epoch</th><th>train loss</th><th>validation loss</th><th>validation UA (%)</th><th>normal skips</th></tr></thead><tbody>");
        foreach (var e in value.History)
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{e.Epoch}</td><td>{e.TrainLoss:F4}</td><td>{e.ValidationLoss:F4}</td><td>{e.ValidationUnweightedAccuracy * 100:F2}</td><td>{e.NormalSkipCount}</td></tr>");
        html.Append("</tbody></table>\n");
        if (value.History.Count > 0)
            html.Append(PlotlyFigureHtml.Render(ArchitectureWeightChart.Create(value.History, ArchitectureWeightChart.Normal, "normal-cell weights"), embedPlotlyJs: false));
        return html.Append(new GenotypeHtml().ToHtml(value.Genotype)).Append("</div>").ToString();
    }
}

/// <summary>The weight heatmap's and both cells' static drawings.</summary>
internal sealed class SearchResultSvg : SvgFormatter<SearchResult>
{
    public override IReadOnlyList<PlotlyFigure> Figures(SearchResult value) =>
    [
        .. value.History.Count > 0 ? [ArchitectureWeightChart.Create(value.History, ArchitectureWeightChart.Normal, "normal-cell weights")] : Array.Empty<PlotlyFigure>(),
        .. GenotypeHtml.Figures(value.Genotype),
    ];
}
