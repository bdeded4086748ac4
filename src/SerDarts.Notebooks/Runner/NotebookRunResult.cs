using Microsoft.DotNet.Interactive.Documents;

namespace SerDarts.Notebooks.Runner;

/// <summary>The cell that stopped a run: where it is, how it starts, and why it failed.</summary>
/// <param name="Index">Index of the cell in the source notebook (-1 for the injected parameters cell).</param>
public sealed record FailedCell(int Index, string Id, string FirstLine, string Error)
{
    public string Label => Index < 0 ? "injected parameters cell" : $"cell {Index} (id {Id})";

    public override string ToString() => $"{Label} \"{FirstLine}\" failed: {Error}";
}

/// <summary>The outcome of one notebook run; the executed notebook is written either way.</summary>
public sealed record NotebookRunResult(string NotebookPath, string OutputPath, InteractiveDocument Executed,
    FailedCell? Failure, TimeSpan Elapsed)
{
    public bool Succeeded => Failure is null;
}
