using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Data.Analysis;
using SerDarts.Reporting;
using SerDarts.Runtime;

namespace SerDarts.Notebooks;

/// <summary>
/// The outputs of a notebook run outside the kernel (an exported file-based app) as one HTML page: every
/// displayed value rendered when it is displayed, with the views the kernel shows (<see cref="NotebookFormatters"/>),
/// between the notebook's markdown. The page carries plotly.js, so it opens offline.
/// </summary>
public sealed partial class NotebookPage
{
    private readonly string _title;
    private readonly NotebookFormatters _formatters;
    private readonly StringBuilder _body = new();
    private int _charts;

    public NotebookPage(string title, NotebookFormatters? formatters = null)
    {
        _title = title;
        _formatters = formatters ?? NotebookFormatters.Default;
    }

    /// <summary>Outputs added so far (markdown, values and errors).</summary>
    public int Count { get; private set; }

    /// <summary>
    /// Renders <paramref name="value"/> now (a cell may dispose it right after displaying it): a chart as a tracked
    /// plotly.js figure, SerDarts types through their HTML views, a DataFrame as SerDarts' static table, text and
    /// anything else as preformatted text. <paramref name="mimeType"/> text/plain asks for text, as the kernel's does.
    /// </summary>
    public void Display(object? value, string? mimeType = null) => Append("output", Render(value, mimeType));

    /// <summary>A markdown cell: headings, paragraphs, bullet lists, <c>code</c>, <b>bold</b> and <i>italic</i>.</summary>
    public void Markdown(string markdown) => Append("markdown", MarkdownHtml(markdown));

    /// <summary>A failure, shown where it happened.</summary>
    public void Error(string message) => Append("error", $"<pre class=\"errors\">{Html.Encode(message)}</pre>");

    /// <summary>The whole page: the report's skeleton (styles, render tracker, plotly.js) around the outputs.</summary>
    public string Render() => HtmlPage.Document(_title, RequireShim + $"<h1>{Html.Encode(_title)}</h1>\n" + _body);

    /// <summary>Writes the page atomically (a reader never sees half a page).</summary>
    public void Save(string path) => AtomicFile.WriteAllText(path, Render());

    private void Append(string kind, string html)
    {
        _body.Append("<div class=\"serdarts-").Append(kind).Append("\">\n").Append(html).Append("\n</div>\n");
        Count++;
    }

    private string Render(object? value, string? mimeType)
    {
        if (mimeType == NotebookMimeTypes.PlainText || value is null or string)
            return Text(value?.ToString() ?? "<null>");
        if (value is PlotlyFigure figure) return ChartHtml.Fragment(figure, $"chart-{_charts++}");
        if (value is DataFrame frame) return DataFrameHtml.Render(frame, DataFrameHtml.DefaultMaxRows);
        return _formatters.ToHtml(value) ?? Text(value.ToString() ?? "");
    }

    private static string Text(string text) => $"<pre>{Html.Encode(text)}</pre>";

    /// <summary>
    /// Views made for the kernel (a classification report, a genotype) draw their charts through require.js and the
    /// plotly CDN; on this page plotly.js is already loaded, so a stand-in require hands them that copy, offline.
    /// </summary>
    private const string RequireShim = """
        <script>
        if (typeof window.requirejs !== "function") {
          window.requirejs = function (deps, callback) { callback(window.Plotly); };
          window.requirejs.config = function () { return window.requirejs; };
        }
        </script>

        """;

    /// <summary>The little markdown the notebooks use; everything else stays text (escaped).</summary>
    internal static string MarkdownHtml(string markdown)
    {
        var html = new StringBuilder();
        var blocks = Regex.Split(markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Trim(), @"\n\s*\n");
        foreach (var block in blocks.Where(b => b.Trim().Length > 0))
        {
            var lines = block.Split('\n');
            var paragraph = new List<string>();
            foreach (var line in lines)
            {
                if (HeadingLine().Match(line) is { Success: true } heading)
                {
                    Flush(html, paragraph);
                    var level = heading.Groups[1].Length;
                    html.Append($"<h{level}>{Inline(heading.Groups[2].Value)}</h{level}>\n");
                }
                else if (line.TrimStart().StartsWith("- ", StringComparison.Ordinal))
                {
                    Flush(html, paragraph);
                    html.Append("<ul><li>").Append(Inline(line.TrimStart()[2..])).Append("</li></ul>\n");
                }
                else paragraph.Add(line);
            }
            Flush(html, paragraph);
        }
        return html.ToString().Replace("</ul>\n<ul>", "", StringComparison.Ordinal).TrimEnd('\n');
    }

    private static void Flush(StringBuilder html, List<string> paragraph)
    {
        if (paragraph.Count > 0) html.Append("<p>").Append(Inline(string.Join(" ", paragraph.Select(l => l.Trim())))).Append("</p>\n");
        paragraph.Clear();
    }

    private static string Inline(string text)
    {
        var encoded = Html.Encode(text);
        encoded = InlineCode().Replace(encoded, "<code>$1</code>");
        encoded = Bold().Replace(encoded, "<strong>$1</strong>");
        return Italic().Replace(encoded, "<em>$1</em>");
    }

    [GeneratedRegex(@"^(#{1,6})\s+(.*)$")]
    private static partial Regex HeadingLine();

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex InlineCode();

    [GeneratedRegex(@"\*\*([^*]+)\*\*")]
    private static partial Regex Bold();

    [GeneratedRegex(@"(?<![\w*])\*([^*\s][^*]*)\*(?![\w*])")]
    private static partial Regex Italic();
}
