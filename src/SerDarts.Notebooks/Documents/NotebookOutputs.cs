using System.Text.Json.Nodes;

namespace SerDarts.Notebooks.Documents;

/// <summary>nbformat output objects: display_data, stream and error.</summary>
public static class NotebookOutputs
{
    /// <summary>A display_data output; text MIME types become line arrays, JSON ones stay JSON.</summary>
    public static JsonObject DisplayData(IReadOnlyDictionary<string, string> bundle)
    {
        var data = new JsonObject();
        foreach (var (mime, content) in bundle.OrderBy(p => p.Key, StringComparer.Ordinal))
            data[mime] = IsJson(mime) ? JsonNode.Parse(content) : IsText(mime) ? NotebookText.Lines(content) : content;
        return new JsonObject { ["data"] = data, ["metadata"] = new JsonObject(), ["output_type"] = "display_data" };
    }

    /// <summary>A stream output (name "stdout" or "stderr").</summary>
    public static JsonObject Stream(string name, string text) => new()
    {
        ["name"] = name, ["output_type"] = "stream", ["text"] = NotebookText.Lines(text),
    };

    /// <summary>An error output: exception name, message and traceback lines.</summary>
    public static JsonObject Error(string ename, string evalue, IEnumerable<string> traceback) => new()
    {
        ["ename"] = ename,
        ["evalue"] = evalue,
        ["output_type"] = "error",
        ["traceback"] = new JsonArray(traceback.Select(l => (JsonNode)l).ToArray()),
    };

    /// <summary>The MIME bundle of a display_data output, text joined (null for other outputs).</summary>
    public static IReadOnlyDictionary<string, string>? ReadBundle(JsonObject output)
    {
        if (output["output_type"]?.GetValue<string>() != "display_data" || output["data"] is not JsonObject data)
            return null;
        return data.ToDictionary(p => p.Key,
            p => p.Value is JsonArray || p.Value?.GetValueKind() == System.Text.Json.JsonValueKind.String
                ? NotebookText.Read(p.Value)
                : p.Value?.ToJsonString() ?? "");
    }

    private static bool IsJson(string mime) => mime == "application/json" || mime.EndsWith("+json", StringComparison.Ordinal);

    private static bool IsText(string mime) => mime.StartsWith("text/", StringComparison.Ordinal) || mime == "image/svg+xml";
}
