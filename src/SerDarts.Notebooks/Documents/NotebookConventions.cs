using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SerDarts.Notebooks.Documents;

/// <summary>
/// Checks a notebook against the project's conventions (docs/arch/notebooks.md) and returns one message per
/// problem, each naming the cell; an empty list means the notebook conforms.
/// </summary>
public static partial class NotebookConventions
{
    public static IReadOnlyList<string> Check(NotebookDocument doc)
    {
        var problems = new List<string>();
        CheckMetadata(doc, problems);
        CheckCells(doc, problems);
        CheckOpening(doc, problems);
        return problems;
    }

    private static void CheckMetadata(NotebookDocument doc, List<string> problems)
    {
        if (doc.Metadata["kernelspec"]?["name"]?.GetValue<string>() != ".net-csharp")
            problems.Add("metadata: kernelspec.name must be \".net-csharp\"");
        if (doc.Metadata["polyglot_notebook"]?["kernelInfo"]?["defaultKernelName"]?.GetValue<string>() != NotebookMetadata.KernelName)
            problems.Add("metadata: polyglot_notebook.kernelInfo.defaultKernelName must be \"csharp\"");
        if (doc.NbFormatMinor < 5) problems.Add("nbformat_minor must be at least 5 (cell ids)");
    }

    private static void CheckCells(NotebookDocument doc, List<string> problems)
    {
        var seen = new HashSet<string>();
        for (int i = 0; i < doc.Cells.Count; i++)
        {
            var cell = doc.Cells[i];
            string where = $"cell {i} ({cell.CellType}, \"{Shorten(NotebookText.FirstLine(cell.Source))}\")";
            if (!CellId().IsMatch(cell.Id)) problems.Add($"{where}: id \"{cell.Id}\" is not 1-64 characters of [A-Za-z0-9_-]");
            if (!seen.Add(cell.Id)) problems.Add($"{where}: duplicate id \"{cell.Id}\"");
            if (cell.CellType == NotebookCell.MarkdownType && cell.Metadata.Count > 0)
                problems.Add($"{where}: markdown cells must have empty metadata");
            if (cell.IsCode && cell.Metadata["polyglot_notebook"]?["kernelName"]?.GetValue<string>() != NotebookMetadata.KernelName)
                problems.Add($"{where}: code cells need polyglot_notebook.kernelName \"csharp\"");
        }
    }

    private static void CheckOpening(NotebookDocument doc, List<string> problems)
    {
        var cells = doc.Cells;
        if (cells.Count == 0 || cells[0].CellType != NotebookCell.MarkdownType)
            problems.Add("cell 0 must be a markdown cell saying what the notebook shows and how long a full run takes");
        else if (!RunTime().IsMatch(cells[0].Source))
            problems.Add("cell 0 must say how long a full run takes (e.g. \"A full run takes about 5 minutes\")");
        if (cells.Count < 2 || !cells[1].IsCode || !cells[1].Source.Contains("#r \"nuget: SerDarts,", StringComparison.Ordinal)
            || !cells[1].Source.Contains("#r \"nuget: TorchSharp", StringComparison.Ordinal))
            problems.Add("cell 1 must be the setup cell: #r \"nuget: SerDarts, <version>\" and #r \"nuget: TorchSharp-cpu, <version>\"");
        var parameterCells = cells.Select((c, i) => (c, i)).Where(p => p.c.HasTag(NotebookBuilder.ParametersTag)).ToList();
        if (parameterCells.Count != 1 || !parameterCells[0].c.IsCode)
            problems.Add($"exactly one code cell must be tagged \"parameters\" (found {parameterCells.Count})");
        else if (parameterCells[0].i != 2)
            problems.Add($"the parameters cell must follow the setup cell (it is cell {parameterCells[0].i})");
    }

    private static string Shorten(string line) => line.Length <= 40 ? line : line[..37] + "...";

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex CellId();

    [GeneratedRegex(@"\d+(\.\d+)?\s*(s|sec|seconds?|min|mins|minutes?|h|hours?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex RunTime();
}
