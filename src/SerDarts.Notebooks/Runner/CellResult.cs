using System.Text.Json.Nodes;

namespace SerDarts.Notebooks.Runner;

/// <summary>What one cell produced: its nbformat outputs, and the error that failed it (null on success).</summary>
public sealed record CellResult(IReadOnlyList<JsonObject> Outputs, Exception? Error)
{
    public bool Succeeded => Error is null;
}
