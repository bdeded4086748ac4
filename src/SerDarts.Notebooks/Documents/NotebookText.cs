using System.Text.Json.Nodes;

namespace SerDarts.Notebooks.Documents;

/// <summary>nbformat's multiline strings: a string or an array of lines, each but the last ending in "\n".</summary>
public static class NotebookText
{
    /// <summary>Joins an nbformat multiline value (string or array of strings) into one string.</summary>
    public static string Read(JsonNode? node) => node switch
    {
        null => "",
        JsonArray lines => string.Concat(lines.Select(l => l?.GetValue<string>() ?? "")),
        _ => node.GetValue<string>(),
    };

    /// <summary>Splits text into nbformat lines (each keeps its "\n"; no empty trailing entry).</summary>
    public static JsonArray Lines(string text)
    {
        var array = new JsonArray();
        int start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] != '\n') continue;
            array.Add(text[start..(i + 1)]);
            start = i + 1;
        }
        if (start < text.Length) array.Add(text[start..]);
        return array;
    }

    /// <summary>The first non-blank line of a source, trimmed (names a cell in messages).</summary>
    public static string FirstLine(string source) =>
        source.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? "";
}
