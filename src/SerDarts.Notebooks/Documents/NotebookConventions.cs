using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.DotNet.Interactive.Documents;

namespace SerDarts.NotebookHost.Documents;

/// <summary>
/// Checks a notebook against the project's conventions (docs/arch/notebooks.md) and returns one message per
/// problem, each naming the cell; an empty list means the notebook conforms.
/// </summary>
public static partial class NotebookConventions
{
    /// <summary>Checks the file: its nbformat version (which the document model does not keep), then the document.</summary>
    public static IReadOnlyList<string> CheckFile(string path)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        var problems = new List<string>();
        if (!json.RootElement.TryGetProperty("nbformat_minor", out var minor) || minor.GetInt32() < 5)
            problems.Add("nbformat_minor must be at least 5 (cell ids)");
        problems.AddRange(Check(NotebookFile.Load(path)));
        return problems;
    }

    public static IReadOnlyList<string> Check(InteractiveDocument doc)
    {
        var problems = new List<string>();
        CheckMetadata(doc, problems);
        CheckCells(doc, problems);
        CheckOpening(doc, problems);
        return problems;
    }

    private static void CheckMetadata(InteractiveDocument doc, List<string> problems)
    {
        if (Lookup(doc.Metadata, "kernelspec", "name") as string != ".net-csharp")
            problems.Add("metadata: kernelspec.name must be \".net-csharp\"");
        if (Lookup(doc.Metadata, "polyglot_notebook", "kernelInfo", "defaultKernelName") as string != NotebookFile.KernelName)
            problems.Add("metadata: polyglot_notebook.kernelInfo.defaultKernelName must be \"csharp\"");
    }

    private static void CheckCells(InteractiveDocument doc, List<string> problems)
    {
        var seen = new HashSet<string>();
        var cells = doc.Elements;
        for (int i = 0; i < cells.Count; i++)
        {
            var cell = cells[i];
            string where = $"cell {i} ({(cell.IsCode() ? "code" : "markdown")}, \"{Shorten(cell.FirstLine())}\")";
            var id = cell.Id ?? "";
            if (!CellId().IsMatch(id)) problems.Add($"{where}: id \"{id}\" is not 1-64 characters of [A-Za-z0-9_-]");
            if (!seen.Add(id)) problems.Add($"{where}: duplicate id \"{id}\"");
            if (!cell.IsCode() && cell.Metadata is { Count: > 0 })
                problems.Add($"{where}: markdown cells must have empty metadata");
            if (cell.IsCode() && Lookup(cell.Metadata, "polyglot_notebook", "kernelName") as string != NotebookFile.KernelName)
                problems.Add($"{where}: code cells need polyglot_notebook.kernelName \"csharp\"");
        }
    }

    private static void CheckOpening(InteractiveDocument doc, List<string> problems)
    {
        var cells = doc.Elements;
        if (cells.Count == 0 || cells[0].IsCode())
            problems.Add("cell 0 must be a markdown cell saying what the notebook shows and how long a full run takes");
        else if (!RunTime().IsMatch(cells[0].Contents))
            problems.Add("cell 0 must say how long a full run takes (e.g. \"A full run takes about 5 minutes\")");
        if (cells.Count < 2 || !cells[1].IsCode() || !cells[1].Contents.Contains("#r \"nuget: SerDarts,", StringComparison.Ordinal)
            || !cells[1].Contents.Contains("#r \"nuget: TorchSharp", StringComparison.Ordinal))
            problems.Add("cell 1 must be the setup cell: #r \"nuget: SerDarts, <version>\" and #r \"nuget: TorchSharp-cpu, <version>\"");
        var parameterCells = cells.Select((c, i) => (c, i)).Where(p => p.c.HasTag(NotebookBuilder.ParametersTag)).ToList();
        if (parameterCells.Count != 1 || !parameterCells[0].c.IsCode())
            problems.Add($"exactly one code cell must be tagged \"parameters\" (found {parameterCells.Count})");
        else if (parameterCells[0].i != 2)
            problems.Add($"the parameters cell must follow the setup cell (it is cell {parameterCells[0].i})");
    }

    /// <summary>A value inside nested metadata dictionaries, or null.</summary>
    private static object? Lookup(object? metadata, params string[] keys)
    {
        foreach (var key in keys)
            metadata = metadata is IDictionary<string, object> d && d.TryGetValue(key, out var v) ? v : null;
        return metadata;
    }

    private static string Shorten(string line) => line.Length <= 40 ? line : line[..37] + "...";

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex CellId();

    [GeneratedRegex(@"\d+(\.\d+)?\s*(s|sec|seconds?|min|mins|minutes?|h|hours?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex RunTime();
}
