using Microsoft.Data.Analysis;

namespace SerDarts.Experiments.Analysis;

/// <summary>Builds a DataFrame column by column from typed rows. NaN becomes a missing value (null).</summary>
internal sealed class FrameBuilder<T>(IReadOnlyList<T> rows)
{
    private readonly List<DataFrameColumn> _columns = [];

    public FrameBuilder<T> Text(string name, Func<T, string?> value)
    {
        _columns.Add(new StringDataFrameColumn(name, rows.Select(value)));
        return this;
    }

    public FrameBuilder<T> Number(string name, Func<T, double> value)
    {
        _columns.Add(new DoubleDataFrameColumn(name, rows.Select(r => value(r) is var v && double.IsFinite(v) ? v : (double?)null)));
        return this;
    }

    public FrameBuilder<T> Integer(string name, Func<T, long> value)
    {
        _columns.Add(new Int64DataFrameColumn(name, rows.Select(value)));
        return this;
    }

    public DataFrame Build() => new(_columns);
}
