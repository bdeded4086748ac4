using System.Globalization;
using System.Text.Json.Nodes;

namespace SerDarts.Reporting;

/// <summary>
/// One axis of a <see cref="SvgChart"/> drawing: maps data values to pixels between <see cref="Start"/> and
/// <see cref="End"/> (pixel of the range's low end and high end; a vertical axis runs upwards, so Start &gt; End).
/// Category axes give each category an equal band (plotly.js' range -0.5 .. n-0.5); linear and log axes take
/// the layout's range or the data's extent, as plotly.js does (bars from zero, 5% padding for markers).
/// </summary>
internal sealed class SvgAxis
{
    private readonly List<string> _categories = [];
    private double _min = double.PositiveInfinity, _max = double.NegativeInfinity;
    private bool _padded, _fixedRange;
    private double _low, _high;

    public SvgAxis(JsonObject? layout)
    {
        Layout = layout ?? new JsonObject();
        var type = Layout["type"]?.GetValue<string>();
        IsCategory = type == "category";
        IsLog = type == "log";
        Reversed = Layout["autorange"] is JsonValue v && v.TryGetValue<string>(out var s) && s == "reversed";
        Visible = !(Layout["visible"] is JsonValue vis && vis.TryGetValue<bool>(out var b) && !b);
        if (Layout["range"] is JsonArray { Count: 2 } range && range[0] is not null && range[1] is not null)
        {
            _fixedRange = true;
            _low = range[0]!.GetValue<double>();
            _high = range[1]!.GetValue<double>();
        }
    }

    public JsonObject Layout { get; }
    public bool IsCategory { get; private set; }
    public bool IsLog { get; }
    public bool Reversed { get; }
    public bool Visible { get; }
    public double Start { get; set; }
    public double End { get; set; }
    public IReadOnlyList<string> Categories => _categories;
    public string Title => SvgFigure.TitleText(Layout["title"]);

    /// <summary>Records values the axis must show: strings make it a category axis.</summary>
    public void Include(JsonNode? value, bool padded = false)
    {
        if (value is JsonArray array)
        {
            foreach (var item in array) Include(item, padded);
            return;
        }
        if (value is not JsonValue scalar) return;
        if (scalar.TryGetValue<string>(out var text))
        {
            IsCategory = true;
            if (!_categories.Contains(text)) _categories.Add(text);
            return;
        }
        var number = scalar.GetValue<double>();
        if (IsCategory)
        {
            var key = number.ToString(CultureInfo.InvariantCulture);
            if (!_categories.Contains(key)) _categories.Add(key);
            return;
        }
        IncludeNumber(number, padded);
    }

    public void IncludeNumber(double number, bool padded = false)
    {
        if (!double.IsFinite(number) || (IsLog && number <= 0)) return;
        var v = IsLog ? Math.Log10(number) : number;
        _min = Math.Min(_min, v);
        _max = Math.Max(_max, v);
        _padded |= padded;
    }

    /// <summary>Fixes the range once every trace was included.</summary>
    public void Resolve()
    {
        if (IsCategory)
        {
            _low = -0.5;
            _high = Math.Max(_categories.Count, 1) - 0.5;
            return;
        }
        if (_fixedRange) return; // on a log axis plotly.js reads the range as exponents, as here
        if (Layout["rangemode"]?.GetValue<string>() == "tozero") IncludeNumber(0);
        if (!double.IsFinite(_min)) (_min, _max) = (0, 1);
        if (_min == _max) (_min, _max) = (_min - 1, _max + 1);
        var pad = _padded ? 0.05 * (_max - _min) : 0;
        _low = _min - pad;
        _high = _max + pad;
    }

    /// <summary>The pixel of a data value; null for a missing value or a category the axis does not have.</summary>
    public double? Pixel(JsonNode? value)
    {
        if (value is not JsonValue scalar) return null;
        if (scalar.TryGetValue<string>(out var text))
        {
            var i = _categories.IndexOf(text);
            return i < 0 ? null : PixelOf(i);
        }
        var number = scalar.GetValue<double>();
        if (IsCategory)
        {
            var i = _categories.IndexOf(number.ToString(CultureInfo.InvariantCulture));
            return i < 0 ? null : PixelOf(i);
        }
        return Pixel(number);
    }

    /// <summary>The pixel of a number on a linear or log axis (a category index on a category axis).</summary>
    public double? Pixel(double number)
    {
        if (!double.IsFinite(number)) return null;
        if (IsLog && !IsCategory)
        {
            if (number <= 0) return null;
            number = Math.Log10(number);
        }
        return PixelOf(number);
    }

    /// <summary>Pixels per data unit (per category band on a category axis).</summary>
    public double Scale => Math.Abs(End - Start) / (_high - _low);

    /// <summary>Tick positions (in axis units: log10 on a log axis) and their labels.</summary>
    public IEnumerable<(double At, string Label)> Ticks()
    {
        if (IsCategory)
        {
            var step = Math.Max(1, (int)Math.Ceiling(_categories.Count / 30.0));
            for (var i = 0; i < _categories.Count; i += step) yield return (i, _categories[i]);
            yield break;
        }
        if (IsLog)
        {
            for (var p = Math.Ceiling(_low); p <= _high + 1e-9; p++)
                yield return (p, Label(Math.Pow(10, p)));
            yield break;
        }
        var tick = NiceStep((_high - _low) / 6);
        if (Layout["dtick"] is JsonValue d && d.TryGetValue<double>(out var dtick) && dtick > 0 && (_high - _low) / dtick <= 30) tick = dtick;
        for (var t = Math.Ceiling(_low / tick - 1e-9) * tick; t <= _high + tick * 1e-9; t += tick)
            yield return (t, Label(Math.Abs(t) < tick * 1e-9 ? 0 : t));
    }

    /// <summary>The pixel of a position in axis units (log10 on a log axis, an index on a category axis).</summary>
    public double PixelOf(double axisUnits)
    {
        var fraction = (axisUnits - _low) / (_high - _low);
        if (Reversed) fraction = 1 - fraction;
        return Start + fraction * (End - Start);
    }

    private static double NiceStep(double raw)
    {
        if (!(raw > 0)) return 1;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var r = raw / magnitude;
        return (r <= 1 ? 1 : r <= 2 ? 2 : r <= 5 ? 5 : 10) * magnitude;
    }

    private static string Label(double v) => Math.Abs(v) >= 1e5 ? v.ToString("0.#e+0", CultureInfo.InvariantCulture) : v.ToString("0.####", CultureInfo.InvariantCulture);
}
