using SerDarts.Reporting;

namespace SerDarts.Notebooks;

/// <summary>The comparison with the papers as the report shows it: what may be subtracted, the figures, the protocols.</summary>
internal sealed class PaperComparisonHtml : HtmlFormatter<PaperComparison>
{
    public override string ToHtml(PaperComparison value) =>
        $"<div class=\"serdarts-paper-comparison\"><p><strong>{Escape(value.Note)}</strong></p>\n"
        + DataFrameHtml.Render(value.Figures, int.MaxValue) + DataFrameHtml.Render(value.Protocols, int.MaxValue) + "</div>";
}
