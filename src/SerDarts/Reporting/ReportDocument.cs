using System.Text;
using Microsoft.Data.Analysis;

namespace SerDarts.Reporting;

/// <summary>Accumulates the body of an HTML report: headings, notes, tables and charts (numbered ids).</summary>
internal sealed class ReportDocument
{
    private readonly StringBuilder _body = new();
    private int _charts;

    public int ChartCount => _charts;

    public ReportDocument Heading(int level, string text, string? id = null)
    {
        var anchor = id is null ? "" : $" id=\"{Html.Encode(id)}\"";
        _body.Append($"<h{level}{anchor}>").Append(Html.Encode(text)).Append($"</h{level}>\n");
        return this;
    }

    public ReportDocument Note(string text)
    {
        _body.Append("<p class=\"note\">").Append(Html.Encode(text)).Append("</p>\n");
        return this;
    }

    /// <summary>A warning the reader must not miss (boxed, above what it qualifies).</summary>
    public ReportDocument Warning(string text)
    {
        _body.Append("<p class=\"warning\"><strong>Warning:</strong> ").Append(Html.Encode(text)).Append("</p>\n");
        return this;
    }

    /// <summary>A collapsed block: the summary line shows, the table opens on a click.</summary>
    public ReportDocument Details(string summary, DataFrame frame)
    {
        _body.Append("<details><summary>").Append(Html.Encode(summary)).Append("</summary>\n").Append(TableRenderer.ToHtml(frame)).Append("</details>\n");
        return this;
    }

    public ReportDocument Table(DataFrame frame, string? caption = null)
    {
        _body.Append(TableRenderer.ToHtml(frame, caption));
        return this;
    }

    public ReportDocument Chart(PlotlyFigure chart)
    {
        _body.Append(ChartHtml.Fragment(chart, $"chart-{++_charts}"));
        return this;
    }

    /// <summary>Charts side by side (two columns).</summary>
    public ReportDocument Charts(IEnumerable<PlotlyFigure> charts)
    {
        _body.Append("<div class=\"grid\">\n");
        foreach (var chart in charts) Chart(chart);
        _body.Append("</div>\n");
        return this;
    }

    public string ToHtml(string title) => HtmlPage.Document(title, _body.ToString());
}
