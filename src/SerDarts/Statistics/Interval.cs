namespace SerDarts.Statistics;

/// <summary>A closed interval [Low, High], e.g. a confidence interval.</summary>
public sealed record Interval(double Low, double High)
{
    public double Width => High - Low;

    public bool Contains(double x) => x >= Low && x <= High;
}
