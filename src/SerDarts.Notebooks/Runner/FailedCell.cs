using Microsoft.DotNet.Interactive.Documents;

namespace SerDarts.NotebookHost.Runner;

/// <summary>The cell that stopped a run: where it is, how it starts, and why it failed.</summary>
/// <param name="Index">Index of the cell in the source notebook (-1 for the injected parameters cell).</param>
public sealed record FailedCell(int Index, string Id, string FirstLine, string Error)
{
    public string Label => Index < 0 ? "injected parameters cell" : $"cell {Index} (id {Id})";

    public override string ToString() => $"{Label} \"{FirstLine}\" failed: {Error}";
}
