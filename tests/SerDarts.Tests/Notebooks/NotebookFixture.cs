using System.Text.Json.Nodes;
using SerDarts.Notebooks.Documents;
using SerDarts.Notebooks.Runner;

namespace SerDarts.Tests.Notebooks;

/// <summary>
/// The runner changes process-wide state (working directory, Console writers): its tests share one
/// collection so xunit runs them one at a time.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class NotebookRunnerCollection
{
    public const string Name = "Notebook runner";
}

/// <summary>Builds small notebooks in a temporary folder, runs them and reads their outputs.</summary>
internal sealed class NotebookFixture
{
    public NotebookFixture(string name = "nb") =>
        Folder = Directory.CreateTempSubdirectory($"serdarts-{name}-").FullName;

    public string Folder { get; }

    public string Write(NotebookDocument doc, string file = "test.ipynb")
    {
        var path = Path.Combine(Folder, file);
        doc.Save(path);
        return path;
    }

    /// <summary>A notebook of code cells (a markdown cell first), run headlessly into executed/NAME.</summary>
    public Task<NotebookRunResult> RunCodeAsync(params string[] cells) => RunAsync(Build(cells), new NotebookRunOptions());

    public async Task<NotebookRunResult> RunAsync(NotebookDocument doc, NotebookRunOptions options, string file = "test.ipynb")
    {
        var path = Write(doc, file);
        return await new NotebookRunner(options).RunAsync(path, Path.Combine(Folder, "executed", file));
    }

    public static NotebookDocument Build(params string[] cells)
    {
        var builder = new NotebookBuilder().Markdown("# test notebook");
        foreach (var cell in cells) builder.Code(cell);
        return builder.Build();
    }

    /// <summary>The display_data bundles of a cell, in order.</summary>
    public static List<IReadOnlyDictionary<string, string>> Bundles(NotebookCell cell) =>
        cell.Outputs.Select(NotebookOutputs.ReadBundle).OfType<IReadOnlyDictionary<string, string>>().ToList();

    /// <summary>The text/plain of the cell's last display output (its value).</summary>
    public static string Value(NotebookCell cell) => Bundles(cell)[^1]["text/plain"];

    public static List<(string Name, string Text)> Streams(NotebookCell cell) => cell.Outputs
        .Where(o => o["output_type"]?.GetValue<string>() == "stream")
        .Select(o => (o["name"]!.GetValue<string>(), NotebookText.Read(o["text"])))
        .ToList();

    public static JsonObject? Error(NotebookCell cell) =>
        cell.Outputs.FirstOrDefault(o => o["output_type"]?.GetValue<string>() == "error");
}
