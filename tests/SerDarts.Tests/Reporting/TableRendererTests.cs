using Microsoft.Data.Analysis;
using SerDarts.Reporting;

namespace SerDarts.Tests.Reporting;

public class TableRendererTests
{
    private static DataFrame Sample() => new(
        new StringDataFrameColumn("name", ["a|b", "<b>x</b>", "comma, \"quoted\""]),
        new DoubleDataFrameColumn("value", [0.123456789, null, 2.0]),
        new Int64DataFrameColumn("n", [1L, 20L, 300L]));

    [Fact]
    public void Markdown_has_a_header_alignment_row_and_escaped_pipes()
    {
        Assert.Equal(
            "| name | value | n |\n" +
            "| --- | ---: | ---: |\n" +
            "| a\\|b | 0.1235 | 1 |\n" +
            "| <b>x</b> |  | 20 |\n" +
            "| comma, \"quoted\" | 2 | 300 |\n",
            TableRenderer.ToMarkdown(Sample()).ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Html_encodes_text_and_right_aligns_numbers()
    {
        var html = TableRenderer.ToHtml(Sample(), "caption & more");
        Assert.Contains("<caption>caption &amp; more</caption>", html);
        Assert.Contains("<th>name</th><th>value</th><th>n</th>", html);
        Assert.Contains("<td>&lt;b&gt;x&lt;/b&gt;</td><td class=\"number\"></td><td class=\"number\">20</td>", html);
        Assert.DoesNotContain("<b>x</b>", html);
    }

    [Fact]
    public void Csv_quotes_per_rfc_4180_and_keeps_full_precision()
    {
        Assert.Equal(
            "name,value,n\r\n" +
            "a|b,0.123456789,1\r\n" +
            "<b>x</b>,,20\r\n" +
            "\"comma, \"\"quoted\"\"\",2,300\r\n",
            TableRenderer.ToCsv(Sample()));
    }
}
