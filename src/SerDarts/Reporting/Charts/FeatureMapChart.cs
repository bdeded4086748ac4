
namespace SerDarts.Reporting;

/// <summary>A time-frequency matrix (spectrogram, log-mel or MFCC; rows x frames) as a heatmap, lowest row at the bottom.</summary>
public static class FeatureMapChart
{
    /// <param name="matrix">Rows (frequency bins, mel bands or coefficients) x frames.</param>
    /// <param name="frameSeconds">Hop length in seconds: the x axis is in seconds.</param>
    /// <param name="rowLabel">Name of the row axis ("mel band", "MFCC").</param>
    /// <param name="title">Chart title.</param>
    public static PlotlyFigure Create(double[,] matrix, double frameSeconds, string rowLabel, string title)
    {
        int rows = matrix.GetLength(0), frames = matrix.GetLength(1);
        var z = Enumerable.Range(0, rows).Select(r => Enumerable.Range(0, frames).Select(f => matrix[r, f]).ToArray()).ToArray();
        var heatmap = Plot.Trace("heatmap",
            ("z", z),
            ("x", Enumerable.Range(0, frames).Select(f => Math.Round(f * frameSeconds, 4)).ToArray()),
            ("colorscale", "Viridis"),
            ("hovertemplate", "t %{x} s, " + rowLabel + " %{y}: %{z:.2f}<extra></extra>"));
        return Plot.Chart([heatmap], Plot.Layout(title, ("xaxis", Plot.Axis("time (s)")), ("yaxis", Plot.Axis(rowLabel))));
    }
}
