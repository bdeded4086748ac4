using Microsoft.Data.Analysis;
using SerDarts.Notebooks;
using SerDarts.Reporting;
using SerDarts.Tests.Reporting;

namespace SerDarts.Tests.Notebooks;

/// <summary>The page an exported app writes: the kernel's views, charts drawn by the page's own plotly.js.</summary>
public class NotebookPageTests
{
    [Fact]
    public void Markdown_becomes_headings_paragraphs_lists_and_inline_code()
    {
        var html = NotebookPage.MarkdownHtml("# 01 · T\n\nSome `a<b` and **bold**,\n*tilted*.\n- one\n- two");

        Assert.Equal("<h1>01 · T</h1>\n<p>Some <code>a&lt;b</code> and <strong>bold</strong>, <em>tilted</em>.</p>\n<ul><li>one</li><li>two</li></ul>", html);
    }

    [Fact]
    public void Text_and_values_without_a_view_are_escaped_preformatted_text()
    {
        var page = new NotebookPage("t");
        page.Display("<b>");
        page.Display(null);
        page.Display(42);
        page.Display(Display.Html("<i>x</i>"), NotebookMimeTypes.PlainText);

        var html = page.Render();

        Assert.Contains("<pre>&lt;b&gt;</pre>", html);
        Assert.Contains("<pre>&lt;null&gt;</pre>", html);
        Assert.Contains("<pre>42</pre>", html);
        Assert.Contains("<pre>&lt;i&gt;x&lt;/i&gt;</pre>", html); // text/plain asked for
        Assert.Equal(4, page.Count);
    }

    [Fact]
    public void Values_with_a_view_and_data_frames_render_as_in_the_kernel_and_charts_are_tracked()
    {
        var page = new NotebookPage("t");
        var figure = new PlotlyFigure([new Dictionary<string, object?> { ["type"] = "bar", ["y"] = new[] { 1, 2 } }], new Dictionary<string, object?>());
        page.Display(Display.Html("<i>x</i>"));
        page.Display(new DataFrame(new Int32DataFrameColumn("n", [7])));
        page.Display(figure);
        page.Display(figure);

        var html = page.Render();

        Assert.Contains("<div class=\"serdarts-output\">\n<i>x</i>\n</div>", html);
        Assert.Contains("<th>n</th></tr></thead><tbody><tr><td><i>0</i></td><td>7</td></tr>", html);
        Assert.Contains("serdarts.plot(\"chart-0\", {\"data\":[{\"type\":\"bar\",\"y\":[1,2]}]", html);
        Assert.Contains("serdarts.plot(\"chart-1\"", html);
        Assert.Contains($"/* plotly.js {PlotlyJs.Version} (MIT), embedded", html); // once, in the head: offline
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "embedded so that this page works offline"));
        Assert.Contains("window.requirejs = function (deps, callback) { callback(window.Plotly); };", html); // views made for the kernel
    }

    [ChromiumFact]
    public void In_a_browser_offline_the_pages_charts_and_the_kernel_views_charts_are_drawn_by_the_pages_plotly()
    {
        var page = new NotebookPage("t");
        var figure = new PlotlyFigure([new Dictionary<string, object?> { ["type"] = "bar", ["y"] = new[] { 1, 2 } }], new Dictionary<string, object?>());
        page.Display(figure);
        page.Display(Display.Chart(figure)); // as the kernel's views draw charts: require.js and the CDN
        var path = Path.Combine(Directory.CreateTempSubdirectory("serdarts-page-").FullName, "page.html");
        page.Save(path);

        var dom = Chromium.DumpDom(path, TimeSpan.FromMinutes(2));

        var root = System.Text.RegularExpressions.Regex.Match(dom, "<html[^>]*>").Value;
        Assert.Contains("data-errors=\"0\"", root);
        Assert.Contains("data-rendered=\"1\"", root);
        // Both charts drawn by the page's plotly (plotly.js writes two main-svg layers per chart).
        Assert.True(System.Text.RegularExpressions.Regex.Matches(dom, "class=\"main-svg\"").Count >= 4, dom[..Math.Min(dom.Length, 2000)]);
        Assert.DoesNotContain("<script src=\"https://cdnjs", dom); // without the stand-in, require.js is asked of the CDN
    }
}
