using SerDarts.Training;

namespace SerDarts.Reporting;

/// <summary>Training curves: train and validation loss on the left axis, train accuracy and validation UA (%) on the right.</summary>
public static class TrainingCurveChart
{
    public static PlotlyFigure Create(IReadOnlyList<EpochRecord> epochs, string title)
    {
        var x = epochs.Select(e => e.Epoch).ToArray();
        return Plot.Chart(
            [
                Line("train loss", x, epochs.Select(e => e.TrainLoss), "y", "solid"),
                Line("validation loss", x, epochs.Select(e => e.ValidationLoss), "y", "dash"),
                Line("train accuracy (%)", x, epochs.Select(e => e.TrainAccuracy * 100), "y2", "solid"),
                Line("validation UA (%)", x, epochs.Select(e => e.ValidationUnweightedAccuracy * 100), "y2", "dash"),
            ],
            Plot.Layout(title,
                ("xaxis", Plot.Axis("epoch")),
                ("yaxis", Plot.Axis("loss")),
                ("yaxis2", Plot.Axis("accuracy (%)", ("overlaying", "y"), ("side", "right"), ("range", new[] { 0, 100 }))),
                ("legend", Plot.Obj(("orientation", "h"), ("y", -0.3))),
                ("margin", Plot.Obj(("b", 110)))));
    }

    private static IReadOnlyDictionary<string, object?> Line(string name, int[] x, IEnumerable<double> y, string axis, string dash) =>
        Plot.Trace("scatter", ("name", name), ("mode", "lines+markers"), ("x", x), ("y", Plot.Values(y)), ("yaxis", axis),
            ("line", Plot.Obj(("dash", dash))));
}
