using Microsoft.DotNet.Interactive.Documents;
using SerDarts.NotebookHost.Documents;
using SerDarts.NotebookHost.Runner;

namespace SerDarts.Tests.Notebooks;

/// <summary>
/// The runner changes process-wide state (working directory, the kernel's formatter settings): its tests share
/// one collection so xunit runs them one at a time.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class NotebookRunnerCollection
{
    public const string Name = "Notebook runner";
}

/// <summary>Builds small notebooks in a temporary folder, runs them in the hosted kernel and reads their outputs.</summary>
internal sealed class NotebookFixture
{
    public NotebookFixture(string name = "nb") =>
        Folder = Directory.CreateTempSubdirectory($"serdarts-{name}-").FullName;

    public string Folder { get; }

    public string Write(InteractiveDocument doc, string file = "test.ipynb")
    {
        var path = Path.Combine(Folder, file);
        NotebookFile.Save(doc, path);
        return path;
    }

    /// <summary>A notebook of code cells (a markdown cell first), run into executed/NAME.</summary>
    public Task<NotebookRunResult> RunCodeAsync(params string[] cells) => RunAsync(Build(cells), new NotebookRunOptions());

    public async Task<NotebookRunResult> RunAsync(InteractiveDocument doc, NotebookRunOptions options, string file = "test.ipynb")
    {
        var path = Write(doc, file);
        return await new NotebookRunner(options).RunAsync(path, Path.Combine(Folder, "executed", file));
    }

    public static InteractiveDocument Build(params string[] cells)
    {
        var builder = new NotebookBuilder().Markdown("# test notebook");
        foreach (var cell in cells) builder.Code(cell);
        return builder.Build();
    }

    /// <summary>The MIME bundles of a cell's displays and results, in order.</summary>
    public static List<IDictionary<string, object>> Bundles(InteractiveDocumentElement cell) =>
        cell.Outputs.Select(o => o switch
        {
            DisplayElement d => d.Data,
            ReturnValueElement r => r.Data,
            _ => null,
        }).OfType<IDictionary<string, object>>().ToList();

    /// <summary>
    /// The value the cell's last display or result shows: its text/plain, else the text of the kernel's HTML
    /// rendering of a plain value (&lt;pre&gt;5&lt;/pre&gt;).
    /// </summary>
    public static string Value(InteractiveDocumentElement cell)
    {
        var bundle = Bundles(cell)[^1];
        if (bundle.TryGetValue("text/plain", out var text)) return (string)text;
        var html = (string)bundle["text/html"];
        var pre = System.Text.RegularExpressions.Regex.Match(html, "<pre>(.*?)</pre>", System.Text.RegularExpressions.RegexOptions.Singleline);
        return pre.Success ? System.Net.WebUtility.HtmlDecode(pre.Groups[1].Value) : html;
    }

    public static List<(string Name, string Text)> Streams(InteractiveDocumentElement cell) =>
        cell.Outputs.OfType<TextElement>().Select(t => (t.Name ?? "", t.Text)).ToList();

    public static ErrorElement? Error(InteractiveDocumentElement cell) => cell.Outputs.OfType<ErrorElement>().FirstOrDefault();
}
