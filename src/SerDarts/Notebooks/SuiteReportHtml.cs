using System.Text;
using SerDarts.Experiments;
using SerDarts.Reporting;

namespace SerDarts.Notebooks;

/// <summary>
/// A suite's statistics: per level mean ± sample std and the 95% bootstrap CI over test speakers, with the
/// protocols the levels were obtained under, then each level against its factor's first (paired difference, CI,
/// Wilcoxon p-value, or why no difference was taken). The tables are <see cref="ResultTables"/>' own.
/// </summary>
internal sealed class SuiteReportHtml : HtmlFormatter<SuiteReport>
{
    public override string ToHtml(SuiteReport value)
    {
        var html = new StringBuilder($"<div class=\"serdarts-suite-report\"><h4>{Escape(value.Suite)}: UA and WA over (test speaker, seed)</h4>\n")
            .Append(DataFrameHtml.Render(ResultTables.Levels(value), int.MaxValue))
            .Append("<p>mean ± sample std; 95% CI: percentile bootstrap over test speakers (a speaker's seeds stay together).</p>\n")
            .Append(DataFrameHtml.Render(ResultTables.Protocols(value), int.MaxValue));
        if (value.Comparisons.Count > 0)
            html.Append($"<h4>{Escape(value.Suite)}: each level against its factor's first, paired on (test speaker, seed)</h4>\n")
                .Append(DataFrameHtml.Render(ResultTables.Comparisons(value), int.MaxValue))
                .Append("<p>difference = level minus reference, in percentage points; Wilcoxon signed-rank, two-sided, over the pairs.</p>\n");
        return html.Append("</div>").ToString();
    }
}
