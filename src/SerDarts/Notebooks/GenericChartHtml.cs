using Microsoft.FSharp.Core;
using Plotly.NET;
using SerDarts.Reporting;

namespace SerDarts.Notebooks;

/// <summary>
/// A Plotly.NET chart as an HTML fragment. In notebooks plotly.js comes through require.js from the CDN, the
/// way Plotly.NET's own notebook integration does it (keeps notebooks small). A standalone report meant to
/// open offline embeds plotly.js, which Plotly.NET ships, with <c>embedPlotlyJs</c> (about 3.5 MB per page:
/// embed it once per page, not per chart, where a page has several).
/// </summary>
public sealed class GenericChartHtml : HtmlFormatter<GenericChart>
{
    public override string ToHtml(GenericChart value) => Render(value, embedPlotlyJs: false);

    /// <summary>The chart's div and script; with <paramref name="embedPlotlyJs"/> plotly.js itself comes first.</summary>
    public static string Render(GenericChart chart, bool embedPlotlyJs)
    {
        var reference = embedPlotlyJs
            ? PlotlyJSReference.Full // the chart script then calls a global Plotly
            : PlotlyJSReference.NewRequire($"https://cdn.plot.ly/plotly-{Globals.PLOTLYJS_VERSION}.min");
        // F# optional arguments: null is None.
        var options = DisplayOptions.init(null, null, null, null, null, null, FSharpOption<PlotlyJSReference>.Some(reference));
        var html = GenericChart.toChartHTML(GenericChart.setDisplayOptions(options, chart));
        return embedPlotlyJs ? PlotlyJs.InlineScriptElement() + html : html;
    }
}
