using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace SerDarts.Notebooks.Documents;

/// <summary>One cell of an nbformat 4.5 notebook; outputs and execution count apply to code cells only.</summary>
public sealed class NotebookCell
{
    public const string CodeType = "code";
    public const string MarkdownType = "markdown";
    public const string RawType = "raw";

    public NotebookCell(string id, string cellType, string source, JsonObject? metadata = null)
    {
        Id = id;
        CellType = cellType;
        Source = source;
        Metadata = metadata ?? new JsonObject();
    }

    /// <summary>nbformat 4.5 cell id: 1-64 characters of [A-Za-z0-9_-].</summary>
    public string Id { get; set; }

    public string CellType { get; }

    public string Source { get; set; }

    public JsonObject Metadata { get; set; }

    /// <summary>Outputs as nbformat JSON objects (see <see cref="NotebookOutputs"/>).</summary>
    public List<JsonObject> Outputs { get; } = [];

    public int? ExecutionCount { get; set; }

    /// <summary>Other top-level keys (e.g. markdown attachments), kept as read.</summary>
    public JsonObject Extra { get; init; } = new();

    public bool IsCode => CellType == CodeType;

    public IReadOnlyList<string> Tags =>
        Metadata["tags"] is JsonArray tags ? tags.Select(t => t?.GetValue<string>() ?? "").ToList() : [];

    public bool HasTag(string tag) => Tags.Contains(tag);

    /// <summary>A C# code cell with the Polyglot metadata VS Code writes, and optional tags.</summary>
    public static NotebookCell Code(string id, string source, params string[] tags)
    {
        var metadata = NotebookMetadata.CodeCell();
        if (tags.Length > 0) metadata["tags"] = new JsonArray(tags.Select(t => (JsonNode)t).ToArray());
        return new NotebookCell(id, CodeType, source, metadata);
    }

    /// <summary>A markdown cell; its metadata stays empty (some tools run markdown cells that have any).</summary>
    public static NotebookCell Markdown(string id, string source) => new(id, MarkdownType, source);

    /// <summary>A stable id from a cell's position and source (reproducible notebooks diff cleanly).</summary>
    public static string StableId(int index, string source)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{index}\n{source}"));
        return Convert.ToHexString(hash)[..12].ToLowerInvariant();
    }

    /// <summary>Removes outputs and the execution count (a code cell as it is before a run).</summary>
    public void ClearOutputs()
    {
        Outputs.Clear();
        ExecutionCount = null;
    }
}
