using System.Text;
using System.Text.Json.Nodes;
using SerDarts.Notebooks.Documents;

namespace SerDarts.Notebooks.Runner;

/// <summary>
/// Collects one cell's outputs in order: displayed values and console text, consecutive writes to the same
/// stream merged into one stream output (as the kernel stores them). Safe for writes from several threads.
/// </summary>
public sealed class CellOutputs
{
    private readonly object _gate = new();
    private readonly List<object> _items = []; // JsonObject outputs, or (stream name, StringBuilder)

    public void AddDisplay(IReadOnlyDictionary<string, string> bundle)
    {
        lock (_gate) _items.Add(NotebookOutputs.DisplayData(bundle));
    }

    public void AddError(JsonObject error)
    {
        lock (_gate) _items.Add(error);
    }

    public void Write(string stream, string text)
    {
        if (text.Length == 0) return;
        lock (_gate)
        {
            if (_items.Count > 0 && _items[^1] is StreamText last && last.Name == stream) last.Text.Append(text);
            else _items.Add(new StreamText(stream, new StringBuilder(text)));
        }
    }

    /// <summary>The outputs as nbformat objects.</summary>
    public IReadOnlyList<JsonObject> ToJson()
    {
        lock (_gate)
            return _items.Select(i => i is StreamText s ? NotebookOutputs.Stream(s.Name, s.Text.ToString()) : (JsonObject)i).ToList();
    }

    private sealed record StreamText(string Name, StringBuilder Text);
}
