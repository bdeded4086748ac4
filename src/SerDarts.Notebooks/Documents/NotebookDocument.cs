using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using SerDarts.Runtime;

namespace SerDarts.Notebooks.Documents;

/// <summary>
/// An nbformat 4 notebook: metadata and cells. Reads any nbformat 4 file and writes nbformat 4.5 the way
/// Jupyter does (keys in sorted order, one-space indentation, sources and text outputs as line arrays).
/// </summary>
public sealed class NotebookDocument
{
    private static readonly JsonSerializerOptions WriteOptions = new()
    {
        WriteIndented = true,
        IndentSize = 1,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // keep HTML readable in the file
    };

    public NotebookDocument(JsonObject? metadata = null, IEnumerable<NotebookCell>? cells = null)
    {
        Metadata = metadata ?? NotebookMetadata.Notebook();
        Cells = cells?.ToList() ?? [];
    }

    public JsonObject Metadata { get; set; }

    public List<NotebookCell> Cells { get; }

    public int NbFormatMinor { get; set; } = 5;

    /// <summary>Reads a notebook; errors name the file and what is wrong.</summary>
    public static NotebookDocument Load(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"Notebook not found: {path}", path);
        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Parses notebook JSON; <paramref name="origin"/> names the source in error messages.</summary>
    public static NotebookDocument Parse(string json, string origin = "notebook")
    {
        JsonObject root;
        try { root = JsonNode.Parse(json)?.AsObject() ?? throw new FormatException("empty document"); }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            throw new FormatException($"{origin}: not a notebook (invalid JSON: {e.Message})", e);
        }
        if (root["nbformat"]?.GetValue<int>() != 4)
            throw new FormatException($"{origin}: only nbformat 4 notebooks are supported");
        var cells = root["cells"] as JsonArray ?? throw new FormatException($"{origin}: no \"cells\" array");
        return new NotebookDocument(
            (root["metadata"] as JsonObject)?.DeepClone().AsObject() ?? new JsonObject(),
            cells.Select((c, i) => ReadCell(c as JsonObject ?? throw new FormatException($"{origin}: cell {i} is not an object"), i)))
        {
            NbFormatMinor = Math.Max(5, root["nbformat_minor"]?.GetValue<int>() ?? 5),
        };
    }

    /// <summary>Writes the notebook atomically (a reader never sees a half-written file).</summary>
    public void Save(string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
        AtomicFile.WriteAllText(path, ToJson());
    }

    public string ToJson() => ToJsonObject().ToJsonString(WriteOptions) + "\n";

    /// <summary>A deep copy (the runner executes a copy and leaves the loaded document untouched).</summary>
    public NotebookDocument Clone() => Parse(ToJson());

    public JsonObject ToJsonObject() => new()
    {
        ["cells"] = new JsonArray(Cells.Select(c => (JsonNode)WriteCell(c)).ToArray()),
        ["metadata"] = Sorted(Metadata),
        ["nbformat"] = 4,
        ["nbformat_minor"] = NbFormatMinor,
    };

    private static NotebookCell ReadCell(JsonObject json, int index)
    {
        var type = json["cell_type"]?.GetValue<string>() ?? NotebookCell.CodeType;
        var source = NotebookText.Read(json["source"]);
        var id = json["id"]?.GetValue<string>() ?? NotebookCell.StableId(index, source); // 4.4 files lack ids
        var known = new HashSet<string> { "cell_type", "id", "source", "metadata", "outputs", "execution_count" };
        var cell = new NotebookCell(id, type, source, (json["metadata"] as JsonObject)?.DeepClone().AsObject())
        {
            ExecutionCount = json["execution_count"]?.GetValue<int?>(),
            Extra = new JsonObject(json.Where(p => !known.Contains(p.Key))
                .Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone()))),
        };
        if (json["outputs"] is JsonArray outputs)
            cell.Outputs.AddRange(outputs.OfType<JsonObject>().Select(o => o.DeepClone().AsObject()));
        return cell;
    }

    private static JsonObject WriteCell(NotebookCell cell)
    {
        var json = new JsonObject
        {
            ["cell_type"] = cell.CellType,
            ["id"] = cell.Id,
            ["metadata"] = cell.Metadata.DeepClone(),
            ["source"] = NotebookText.Lines(cell.Source),
        };
        foreach (var (key, value) in cell.Extra) json[key] = value?.DeepClone();
        if (cell.IsCode)
        {
            json["execution_count"] = cell.ExecutionCount;
            json["outputs"] = new JsonArray(cell.Outputs.Select(o => (JsonNode)o.DeepClone()).ToArray());
        }
        return Sorted(json);
    }

    /// <summary>Keys in ordinal order at every level, as Jupyter writes them (stable diffs).</summary>
    private static JsonObject Sorted(JsonObject json) => new(json
        .OrderBy(p => p.Key, StringComparer.Ordinal)
        .Select(p => KeyValuePair.Create(p.Key, p.Value is JsonObject o ? Sorted(o) : p.Value?.DeepClone())));
}
