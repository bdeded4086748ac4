using System.Text;
using SerDarts.Experiments.Analysis;
using SerDarts.Reporting;

namespace SerDarts.Notebooks;

/// <summary>
/// A suite's statistics: per level mean ± sample std and the 95% bootstrap CI over independent units, pooled UA
/// and WA, with the protocols the levels were obtained under; recall per emotion with CIs; then each level against
/// its factor's first (paired difference per unit, CI, Wilcoxon and Holm p-values, or why no difference was taken). The tables are <see cref="ResultTables"/>' own.
/// </summary>
internal sealed class SuiteReportHtml : HtmlFormatter<SuiteReport>
{
    public override string ToHtml(SuiteReport value)
    {
        var html = new StringBuilder($"<div class=\"serdarts-suite-report\"><h4>{Escape(value.Suite)}: UA and WA per independent unit</h4>\n")
            .Append(DataFrameHtml.Render(ResultTables.Levels(value), int.MaxValue))
            .Append("<p>each unit (the session under loso, else the fold) averages its test speakers and seeds; mean ± sample std over "
                    + "units; 95% CI: percentile bootstrap over units; pooled: every test clip scored at once.</p>\n")
            .Append(DataFrameHtml.Render(ResultTables.Protocols(value), int.MaxValue));
        if (value.Levels.Any(l => l.Pooled is not null))
            html.Append($"<h4>{Escape(value.Suite)}: recall per emotion (pooled clips, 95% CI over units)</h4>\n")
                .Append(DataFrameHtml.Render(ResultTables.Recall(value), int.MaxValue));
        if (value.Comparisons.Count > 0)
            html.Append($"<h4>{Escape(value.Suite)}: each level against its factor's first, paired on (test speaker, seed), one difference per unit</h4>\n")
                .Append(DataFrameHtml.Render(ResultTables.Comparisons(value), int.MaxValue))
                .Append("<p>difference = level minus reference, in percentage points; Wilcoxon signed-rank, two-sided, over the unit differences; Holm p: adjusted across the factor's levels.</p>\n");
        return html.Append("</div>").ToString();
    }
}
