using DynamicObj;
using Plotly.NET;

namespace SerDarts.Reporting;

/// <summary>
/// Builds Plotly.NET charts from C# through Plotly.NET's own object model (<see cref="Trace"/>, <see cref="Layout"/>,
/// <see cref="GenericChart"/>): its typed F# chart functions take every optional argument as a required
/// FSharpOption in C#, and Plotly.NET.CSharp does not target net8.0. Property names are plotly.js attribute names.
/// </summary>
internal static class Plot
{
    /// <summary>A plotly.js object with the given properties; null values are left out.</summary>
    public static DynamicObj.DynamicObj Obj(params (string Key, object? Value)[] properties) => Fill(new DynamicObj.DynamicObj(), properties);

    public static Trace Trace(string type, params (string Key, object? Value)[] properties) => Fill(new Trace2D(type), properties);

    public static Layout Layout(string title, params (string Key, object? Value)[] properties) =>
        Fill(new Layout(), [("title", Obj(("text", title))), .. properties]);

    public static DynamicObj.DynamicObj Axis(string title, params (string Key, object? Value)[] properties) =>
        Obj([("title", Obj(("text", title))), .. properties]);

    /// <summary>Error bars from sample standard deviations; NaN (fewer than two trials) draws no bar.</summary>
    public static DynamicObj.DynamicObj ErrorBars(IEnumerable<double> values) =>
        Obj(("type", "data"), ("array", values.Select(v => double.IsFinite(v) ? v : 0).ToArray()), ("visible", true));

    public static GenericChart Chart(IEnumerable<Trace> traces, Layout layout) =>
        GenericChart.setLayout(layout, GenericChart.ofTraceObjects(false, traces.ToList()));

    /// <summary>Plotly reads null as a gap; NaN would be serialised as a string.</summary>
    public static double?[] Values(IEnumerable<double> values) => values.Select(v => double.IsFinite(v) ? v : (double?)null).ToArray();

    private static T Fill<T>(T target, (string Key, object? Value)[] properties) where T : DynamicObj.DynamicObj
    {
        foreach (var (key, value) in properties)
            if (value is not null) target.SetProperty(key, value);
        return target;
    }
}
