namespace SerDarts.NotebookHost.Runner;

/// <summary>
/// Runs every notebook of a folder in name order (01-..., 02-...), writing executed copies to an output
/// folder (default: &lt;folder&gt;/executed). Later notebooks may read what earlier ones stored, so the
/// sequence stops at the first failing notebook.
/// </summary>
public static class NotebookBatch
{
    public const string DefaultOutputFolderName = "executed";

    /// <summary>The notebooks a batch runs: *.ipynb directly in <paramref name="folder"/>, ordinal name order.</summary>
    public static IReadOnlyList<string> Notebooks(string folder) =>
        Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*.ipynb").Order(StringComparer.Ordinal).ToList()
            : throw new DirectoryNotFoundException($"Notebook folder not found: {folder}");

    public static async Task<IReadOnlyList<NotebookRunResult>> RunAllAsync(string folder, string? outputFolder,
        NotebookRunOptions options, IProgress<CellProgress>? progress = null, CancellationToken cancellation = default)
    {
        var output = outputFolder ?? Path.Combine(folder, DefaultOutputFolderName);
        var results = new List<NotebookRunResult>();
        var runner = new NotebookRunner(options);
        foreach (var notebook in Notebooks(folder))
        {
            var result = await runner.RunAsync(notebook, Path.Combine(output, Path.GetFileName(notebook)), progress, cancellation);
            results.Add(result);
            if (!result.Succeeded) break;
        }
        return results;
    }
}
