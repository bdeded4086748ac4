namespace SerDarts.Reporting;

/// <summary>
/// Builds plotly.js attribute trees for <see cref="PlotlyFigure"/>: one object per trace, layout or nested
/// attribute, with plotly.js attribute names. Null values are left out, as plotly.js then applies its default.
/// </summary>
internal static class Plot
{
    /// <summary>A plotly.js object with the given properties, in order; null values are left out.</summary>
    public static IReadOnlyDictionary<string, object?> Obj(params (string Key, object? Value)[] properties)
    {
        var obj = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in properties)
            if (value is not null) obj[key] = value;
        return obj;
    }

    public static IReadOnlyDictionary<string, object?> Trace(string type, params (string Key, object? Value)[] properties) =>
        Obj([("type", type), .. properties]);

    public static IReadOnlyDictionary<string, object?> Layout(string title, params (string Key, object? Value)[] properties) =>
        Obj([("title", Obj(("text", title))), .. properties]);

    public static IReadOnlyDictionary<string, object?> Axis(string title, params (string Key, object? Value)[] properties) =>
        Obj([("title", Obj(("text", title))), .. properties]);

    /// <summary>Error bars from sample standard deviations; NaN (fewer than two trials) draws no bar.</summary>
    public static IReadOnlyDictionary<string, object?> ErrorBars(IEnumerable<double> values) =>
        Obj(("type", "data"), ("array", values.Select(v => double.IsFinite(v) ? v : 0).ToArray()), ("visible", true));

    public static PlotlyFigure Chart(IEnumerable<IReadOnlyDictionary<string, object?>> traces, IReadOnlyDictionary<string, object?> layout) =>
        new(traces.ToList(), layout);

    /// <summary>plotly.js reads null as a gap.</summary>
    public static double?[] Values(IEnumerable<double> values) => values.Select(v => double.IsFinite(v) ? v : (double?)null).ToArray();
}
