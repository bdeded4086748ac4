using System.Text;
using SerDarts.Reporting;

namespace SerDarts.Notebooks;

/// <summary>A stored search's diagnostics: its warnings first, boxed so that they are not missed, then a one-line
/// summary of the last epoch and the three-panel chart (entropies with the flat line, supernet UA, changed edges and skips).</summary>
internal sealed class SearchDiagnosticsHtml : HtmlFormatter<SearchDiagnostics>
{
    private const string WarningStyle = "background:#fff4e5;border:1px solid #e67e22;border-left:6px solid #e67e22;padding:0.6em 0.8em;color:#6b3a00";

    public override string ToHtml(SearchDiagnostics value)
    {
        var html = new StringBuilder("<div class=\"serdarts-search-diagnostics\">\n");
        foreach (var warning in value.Warnings)
            html.Append($"<p class=\"serdarts-warning\" style=\"{WarningStyle}\"><strong>Warning:</strong> {Escape(warning)}</p>\n");
        html.Append($"<p>{Escape(value.Summary())}</p>\n");
        if (value.Chart() is { } chart) html.Append(PlotlyFigureHtml.Render(chart, embedPlotlyJs: false));
        return html.Append("</div>").ToString();
    }
}

/// <summary>The three-panel chart's static drawing (an empty drawing for a search without epochs).</summary>
internal sealed class SearchDiagnosticsSvg : SvgFormatter<SearchDiagnostics>
{
    public override IReadOnlyList<PlotlyFigure> Figures(SearchDiagnostics value) => value.Chart() is { } chart ? [chart] : [];
}
