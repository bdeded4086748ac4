using Microsoft.FSharp.Core;
using Plotly.NET;

namespace SerDarts.Notebooks;

/// <summary>
/// A Plotly.NET chart as an HTML fragment. In notebooks plotly.js comes through require.js from the CDN, the
/// way Plotly.NET's own notebook integration does it (keeps notebooks small); reports meant to open offline
/// embed plotly.js (Plotly.NET ships it) with <c>embedPlotlyJs</c>.
/// </summary>
public sealed class ChartHtml : HtmlFormatter<GenericChart>
{
    public override string ToHtml(GenericChart value) => Render(value, embedPlotlyJs: false);

    /// <summary>The chart's div and script; with <paramref name="embedPlotlyJs"/> plotly.js is inlined.</summary>
    public static string Render(GenericChart chart, bool embedPlotlyJs)
    {
        var reference = embedPlotlyJs
            ? PlotlyJSReference.Full
            : PlotlyJSReference.NewRequire($"https://cdn.plot.ly/plotly-{Globals.PLOTLYJS_VERSION}.min");
        // F# optional arguments: null is None.
        var options = DisplayOptions.init(null, null, null, null, null, null, FSharpOption<PlotlyJSReference>.Some(reference));
        return GenericChart.toChartHTML(GenericChart.setDisplayOptions(options, chart));
    }
}
