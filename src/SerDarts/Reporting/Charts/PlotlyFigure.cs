using System.Text.Json;
using System.Text.Json.Serialization;

namespace SerDarts.Reporting;

/// <summary>
/// A plotly.js figure: its traces and layout as plotly.js attribute trees (names as in the plotly.js reference,
/// values are strings, numbers, arrays or nested attribute trees). SerDarts builds the figure JSON itself rather
/// than through Plotly.NET, whose FSharp.Core 10.1 the .NET Interactive kernel cannot load beside its own; the
/// same figure is drawn in notebooks (SerDarts.Notebooks.PlotlyFigureHtml) and in reports (<see cref="ChartHtml"/>).
/// </summary>
public sealed record PlotlyFigure(IReadOnlyList<IReadOnlyDictionary<string, object?>> Data, IReadOnlyDictionary<string, object?> Layout)
{
    private static readonly JsonSerializerOptions Json = new() { Converters = { new FiniteDoubleConverter() } };

    /// <summary>The layout's title text ("" when it has none).</summary>
    public string Title =>
        Layout.TryGetValue("title", out var t) && t is IReadOnlyDictionary<string, object?> title && title.TryGetValue("text", out var text)
            ? text as string ?? ""
            : "";

    /// <summary>The figure as plotly.js reads it: {"data": [...], "layout": {...}}.</summary>
    public string ToJson() => JsonSerializer.Serialize(new { data = Data, layout = Layout }, Json);

    public override string ToString() => $"plotly figure \"{Title}\" ({Data.Count} trace{(Data.Count == 1 ? "" : "s")})";

    /// <summary>plotly.js reads null as a gap; JSON has no NaN or infinity.</summary>
    private sealed class FiniteDoubleConverter : JsonConverter<double>
    {
        public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDouble();

        public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
        {
            if (double.IsFinite(value)) writer.WriteNumberValue(value);
            else writer.WriteNullValue();
        }
    }
}
