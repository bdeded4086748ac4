using System.Net;
using Microsoft.Data.Analysis;
using SerDarts.Reporting;

namespace SerDarts.Notebooks;

/// <summary>
/// Small helpers that notebook cells pass to <c>display(...)</c>: they return values that SerDarts' kernel
/// extension renders as HTML, in VS Code, in Jupyter and in headless runs alike.
/// </summary>
public static class Display
{
    /// <summary>Raw HTML, shown as such.</summary>
    public static HtmlContent Html(string html) => new(html);

    /// <summary>Text shown as an HTML heading of the given level (1-6), escaped.</summary>
    public static HtmlContent Heading(string text, int level = 3) =>
        new($"<h{Math.Clamp(level, 1, 6)}>{WebUtility.HtmlEncode(text)}</h{Math.Clamp(level, 1, 6)}>");

    /// <summary>A data frame as an HTML table of at most <paramref name="maxRows"/> rows.</summary>
    public static HtmlContent Table(DataFrame frame, int maxRows = DataFrameHtml.DefaultMaxRows) =>
        new(DataFrameHtml.Render(frame, maxRows));

    /// <summary>An audio player for a WAV file, embedded as a data URI (plays offline, in VS Code and in a saved notebook).</summary>
    public static HtmlContent Audio(string wavPath, string? caption = null)
    {
        var data = Convert.ToBase64String(File.ReadAllBytes(wavPath));
        var label = WebUtility.HtmlEncode(caption ?? Path.GetFileName(wavPath));
        return new($"<figure><figcaption>{label}</figcaption><audio controls src=\"data:audio/wav;base64,{data}\"></audio></figure>");
    }

    /// <summary>
    /// A chart as one HTML output that <paramref name="embedPlotlyJs"/> makes self-contained (plotly.js itself, ~3.5 MB).
    /// <c>display(chart)</c> is the usual way: it also carries the static image/svg+xml drawing, which this HTML-only output lacks.
    /// </summary>
    public static HtmlContent Chart(PlotlyFigure chart, bool embedPlotlyJs = false) =>
        new(PlotlyFigureHtml.Render(chart, embedPlotlyJs));
}
