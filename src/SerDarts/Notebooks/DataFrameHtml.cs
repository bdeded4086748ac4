using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Data.Analysis;

namespace SerDarts.Notebooks;

/// <summary>
/// A Microsoft.Data.Analysis <see cref="DataFrame"/> as a compact HTML table (row index first), for
/// <see cref="Display.Table"/>. A DataFrame displayed as such renders through Microsoft.Data.Analysis' own kernel
/// extension; this is the static table to use where that is not wanted (reports, a fixed number of rows).
/// </summary>
public static class DataFrameHtml
{
    /// <summary>Rows shown before the table is cut (the rest is counted below it).</summary>
    public const int DefaultMaxRows = 50;

    /// <summary>The first <paramref name="maxRows"/> rows as a well-formed (XHTML-compatible) table.</summary>
    public static string Render(DataFrame frame, int maxRows)
    {
        long rows = frame.Rows.Count;
        long shown = Math.Min(rows, Math.Max(0, maxRows));
        var html = new StringBuilder("<div class=\"serdarts-table\"><table><thead><tr><th></th>");
        foreach (var column in frame.Columns)
            html.Append("<th>").Append(WebUtility.HtmlEncode(column.Name)).Append("</th>");
        html.Append("</tr></thead><tbody>");
        for (long r = 0; r < shown; r++)
        {
            html.Append("<tr><td><i>").Append(r.ToString(CultureInfo.InvariantCulture)).Append("</i></td>");
            foreach (var column in frame.Columns)
                html.Append("<td>").Append(WebUtility.HtmlEncode(Cell(column[r]))).Append("</td>");
            html.Append("</tr>");
        }
        html.Append("</tbody></table>");
        if (rows > shown)
            html.Append("<p>").Append((rows - shown).ToString(CultureInfo.InvariantCulture)).Append(" more rows</p>");
        return html.Append("</div>").ToString();
    }

    private static string Cell(object? value) => value switch
    {
        null => "",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
