using SerDarts.Reporting;

namespace SerDarts.Notebooks;

/// <summary>
/// Base of the library's static chart drawings: the image/svg+xml rendering of a value whose HTML view draws
/// plotly.js charts. The kernel extension makes it the second MIME type of that value, beside text/html, so every
/// chart output also carries a drawing that viewers which run no scripts (GitHub, nbviewer) show. Every
/// non-abstract subclass with a parameterless constructor joins <see cref="NotebookFormatters.Default"/>.
/// </summary>
public abstract class SvgFormatter<T> : INotebookFormatter
{
    public Type Type => typeof(T);

    public string MimeType => NotebookMimeTypes.Svg;

    public bool Format(object value, TextWriter writer)
    {
        if (value is not T typed) return false;
        var figures = Figures(typed);
        writer.Write(figures.Count == 1 ? SvgChart.Render(figures[0]) : SvgChart.Stack(figures));
        return true;
    }

    /// <summary>The charts the value's HTML view draws, top to bottom.</summary>
    public abstract IReadOnlyList<PlotlyFigure> Figures(T value);
}
