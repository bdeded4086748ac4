using System.Globalization;
using System.Text;
using Microsoft.Data.Analysis;

namespace SerDarts.Reporting;

/// <summary>Renders any DataFrame as Markdown, HTML or CSV (RFC 4180), culture-invariant; missing values are empty.</summary>
public static class TableRenderer
{
    public static string ToMarkdown(DataFrame frame)
    {
        var text = new StringBuilder();
        var names = frame.Columns.Select(c => Escape(c.Name)).ToList();
        text.Append("| ").AppendJoin(" | ", names).AppendLine(" |");
        text.Append('|').AppendJoin("|", frame.Columns.Select(c => IsNumeric(c) ? " ---: " : " --- ")).AppendLine("|");
        foreach (var row in frame.Rows)
            text.Append("| ").AppendJoin(" | ", row.Select(v => Escape(Display(v)))).AppendLine(" |");
        return text.ToString();

        static string Escape(string s) => s.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
    }

    public static string ToHtml(DataFrame frame, string? caption = null)
    {
        var html = new StringBuilder("<table class=\"results\">\n");
        if (caption is not null) html.Append("<caption>").Append(Html.Encode(caption)).Append("</caption>\n");
        html.Append("<thead><tr>");
        foreach (var column in frame.Columns) html.Append("<th>").Append(Html.Encode(column.Name)).Append("</th>");
        html.Append("</tr></thead>\n<tbody>\n");
        var numeric = frame.Columns.Select(IsNumeric).ToArray();
        foreach (var row in frame.Rows)
        {
            html.Append("<tr>");
            var i = 0;
            foreach (var value in row)
                html.Append(numeric[i++] ? "<td class=\"number\">" : "<td>").Append(Html.Encode(Display(value))).Append("</td>");
            html.Append("</tr>\n");
        }
        return html.Append("</tbody>\n</table>\n").ToString();
    }

    /// <summary>CSV with full-precision numbers (round-trip format), for re-reading by other tools.</summary>
    public static string ToCsv(DataFrame frame)
    {
        var csv = new StringBuilder();
        csv.AppendJoin(",", frame.Columns.Select(c => Quote(c.Name))).Append("\r\n");
        foreach (var row in frame.Rows)
            csv.AppendJoin(",", row.Select(v => Quote(Exact(v)))).Append("\r\n");
        return csv.ToString();
    }

    /// <summary>Doubles with at most four decimals; everything else as invariant text.</summary>
    internal static string Display(object? value) => value switch
    {
        null => "",
        double d => d.ToString("0.####", CultureInfo.InvariantCulture),
        float f => f.ToString("0.####", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string Exact(object? value) => value switch
    {
        null => "",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string Quote(string field) =>
        field.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;

    private static bool IsNumeric(DataFrameColumn column) => column.DataType != typeof(string) && column.DataType != typeof(bool);
}
