using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SerDarts.Reporting;

/// <summary>
/// Draws one figure for <see cref="SvgChart"/>: reads the plotly.js figure JSON (so it sees exactly what plotly.js
/// would), lays out the plot area with plotly.js' default margins (80 left/right/bottom, 100 top), then draws
/// shapes, traces, annotations, axes, colour bar, legend and title. Geometry is exact (a bar's height is its value
/// times the axis scale); typography is approximate, as no font metrics are available without a browser.
/// </summary>
internal sealed partial class SvgFigure
{
    /// <summary>plotly.js' default trace colours (D3 category10).</summary>
    private static readonly string[] Colorway =
        ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"];

    /// <summary>Heatmaps with more cells are averaged over blocks: a feature map of 40,000 cells would make a multi-MB SVG.</summary>
    internal const int MaxHeatmapCells = 4096;

    private const double ColorBarRoom = 50, CharWidth = 0.6; // em: average glyph width of a sans-serif font

    private readonly JsonArray _data;
    private readonly JsonObject _layout;
    private readonly SvgAxis _x;
    private readonly Dictionary<string, SvgAxis> _y = new(StringComparer.Ordinal);
    private readonly double _left, _right, _top, _bottom;
    private readonly bool _legend;

    public SvgFigure(PlotlyFigure figure)
    {
        var root = JsonNode.Parse(figure.ToJson())!.AsObject();
        _data = root["data"] as JsonArray ?? [];
        _layout = root["layout"] as JsonObject ?? [];
        Width = Number(_layout["width"]) ?? 700;
        Height = Number(_layout["height"]) ?? 450;
        var margin = _layout["margin"] as JsonObject;
        _left = Number(margin?["l"]) ?? 80;
        _top = Number(margin?["t"]) ?? 100;
        _bottom = Height - (Number(margin?["b"]) ?? 80);
        var right = Number(margin?["r"]) ?? 80;

        _x = new SvgAxis(_layout["xaxis"] as JsonObject);
        foreach (var trace in Traces) YAxis(trace); // creates the y axes the traces name
        if (_y.Count == 0) _y["y"] = new SvgAxis(_layout["yaxis"] as JsonObject);

        var named = Traces.Count(t => t["name"] is not null);
        _legend = (_layout["showlegend"] is JsonValue s ? s.GetValue<bool>() : Traces.Count() > 1) && named > 0;
        var horizontalLegend = (_layout["legend"] as JsonObject)?["orientation"]?.GetValue<string>() == "h";
        if (Traces.Any(t => Type(t) == "heatmap" && !(t["showscale"] is JsonValue v && !v.GetValue<bool>()))) right += ColorBarRoom;
        if (_legend && !horizontalLegend)
            right += 20 + Traces.Select(t => Name(t).Length).DefaultIfEmpty(0).Max() * 11 * CharWidth;
        if (_y.Values.Any(a => a.Layout["side"]?.GetValue<string>() == "right")) right = Math.Max(right, 80);
        _right = Width - right;
        if (_right - _left < 50) _right = _left + 50;

        LayOut();
    }

    public double Width { get; }
    public double Height { get; }

    private IEnumerable<JsonObject> Traces => _data.OfType<JsonObject>();

    /// <summary>The SVG elements (no root element: <see cref="SvgChart"/> wraps them).</summary>
    public string Body()
    {
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"plot-area\" x=\"{N(_left)}\" y=\"{N(_top)}\" width=\"{N(_right - _left)}\" height=\"{N(_bottom - _top)}\" fill=\"#fff\"/>\n");
        Grid(svg);
        Shapes(svg, below: true);
        var bars = Traces.Where(t => Type(t) == "bar").ToList();
        var index = 0;
        foreach (var trace in Traces)
        {
            var colour = Colour(trace, index++);
            switch (Type(trace))
            {
                case "heatmap": Heatmap(svg, trace); break;
                case "bar": Bars(svg, trace, colour, bars.Count(b => YName(b) == YName(trace))); break;
                default: Scatter(svg, trace, colour); break;
            }
        }
        Shapes(svg, below: false);
        Annotations(svg);
        Axes(svg);
        if (_legend) Legend(svg);
        Title(svg);
        return svg.ToString();
    }

    // ---- layout ----

    private SvgAxis YAxis(JsonObject trace)
    {
        var name = YName(trace);
        if (!_y.TryGetValue(name, out var axis))
            _y[name] = axis = new SvgAxis(_layout[name == "y" ? "yaxis" : "yaxis" + name[1..]] as JsonObject);
        return axis;
    }

    private static string YName(JsonObject trace) => trace["yaxis"]?.GetValue<string>() ?? "y";

    private void LayOut()
    {
        foreach (var trace in Traces) Include(trace);
        foreach (var a in (_layout["annotations"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (Ref(a["xref"]) == "x") { _x.Include(a["x"]); if (a["axref"]?.GetValue<string>() == "x") _x.Include(a["ax"]); }
            if (Ref(a["yref"]) is { } yref && yref != "paper" && _y.TryGetValue(yref, out var ya)) { ya.Include(a["y"]); if (a["ayref"]?.GetValue<string>() == yref) ya.Include(a["ay"]); }
        }
        _x.Resolve();
        _x.Start = _left;
        _x.End = _right;

        // Rows of a grid (yaxis, yaxis2, ... top to bottom); an overlaying axis shares the domain of the one it overlays.
        var grid = _layout["grid"] as JsonObject;
        var rows = (int)(Number(grid?["rows"]) ?? 1);
        var gap = Number(grid?["ygap"]) ?? 0.1;
        var cell = 1 / (rows + (rows - 1) * gap);
        foreach (var (name, axis) in _y)
        {
            axis.Resolve();
            var overlaid = axis.Layout["overlaying"]?.GetValue<string>();
            var row = rows > 1 && overlaid is null ? Math.Min(AxisNumber(name), rows) - 1 : 0;
            var top = _top + row * cell * (1 + gap) * (_bottom - _top);
            axis.Start = rows > 1 ? top + cell * (_bottom - _top) : _bottom;
            axis.End = rows > 1 ? top : _top;
        }
    }

    private static int AxisNumber(string name) => name.Length > 1 ? int.Parse(name[1..], CultureInfo.InvariantCulture) : 1;

    private void Include(JsonObject trace)
    {
        var y = YAxis(trace);
        switch (Type(trace))
        {
            case "heatmap":
                var z = trace["z"] as JsonArray ?? [];
                var rows = z.Count;
                var columns = z.OfType<JsonArray>().Select(r => r.Count).DefaultIfEmpty(0).Max();
                foreach (var e in Edges(trace["x"] as JsonArray, columns, _x)) _x.IncludeNumber(e);
                foreach (var e in Edges(trace["y"] as JsonArray, rows, y)) y.IncludeNumber(e);
                if (trace["x"] is JsonArray hx) _x.Include(hx);
                if (trace["y"] is JsonArray hy) y.Include(hy);
                break;
            case "bar":
                _x.Include(trace["x"]);
                y.IncludeNumber(0);
                foreach (var (value, error) in YWithErrors(trace)) { y.IncludeNumber(value + error); y.IncludeNumber(value - error); }
                break;
            default:
                var mode = trace["mode"]?.GetValue<string>() ?? "lines+markers";
                _x.Include(trace["x"], padded: mode.Contains("markers") || mode.Contains("text"));
                foreach (var (value, error) in YWithErrors(trace)) { y.IncludeNumber(value + error, mode.Contains("markers")); y.IncludeNumber(value - error, mode.Contains("markers")); }
                break;
        }
    }

    /// <summary>Heatmap cell edges in data units for a numeric axis (midpoints between centres); none for a category axis.</summary>
    private static IEnumerable<double> Edges(JsonArray? labels, int count, SvgAxis axis)
    {
        if (labels is not null && labels.Any(l => l is JsonValue v && v.TryGetValue<string>(out _))) return [];
        var centres = labels is null ? Enumerable.Range(0, count).Select(i => (double)i).ToArray() : labels.Select(l => Number(l) ?? double.NaN).Take(count).ToArray();
        if (axis.IsCategory || centres.Length == 0) return [];
        return CellEdges(centres);
    }

    private static double[] CellEdges(double[] centres)
    {
        if (centres.Length == 1) return [centres[0] - 0.5, centres[0] + 0.5];
        var edges = new double[centres.Length + 1];
        for (var i = 1; i < centres.Length; i++) edges[i] = (centres[i - 1] + centres[i]) / 2;
        edges[0] = centres[0] - (edges[1] - centres[0]);
        edges[^1] = centres[^1] + (centres[^1] - edges[^2]);
        return edges;
    }

    // ---- traces ----

    private void Heatmap(StringBuilder svg, JsonObject trace)
    {
        var y = YAxis(trace);
        var z = (trace["z"] as JsonArray ?? []).Select(r => (r as JsonArray ?? []).Select(Number).ToArray()).ToArray();
        if (z.Length == 0) return;
        var columns = z.Max(r => r.Length);
        var xEdges = PixelEdges(trace["x"] as JsonArray, columns, _x);
        var yEdges = PixelEdges(trace["y"] as JsonArray, z.Length, y);
        var (zmin, zmax) = ColourRange(trace, z);
        var scale = SvgColourScale.From(trace["colorscale"], trace["reversescale"] is JsonValue r && r.GetValue<bool>());
        var texts = trace["text"] as JsonArray;
        var template = trace["texttemplate"]?.GetValue<string>();
        // Blocks of cells averaged into one rectangle when the heatmap is large.
        var blockRows = Math.Max(1, z.Length * columns > MaxHeatmapCells ? (int)Math.Ceiling(z.Length / Math.Sqrt(MaxHeatmapCells * (double)z.Length / columns)) : 1);
        var blockColumns = Math.Max(1, z.Length * columns > MaxHeatmapCells ? (int)Math.Ceiling(columns / Math.Sqrt(MaxHeatmapCells * (double)columns / z.Length)) : 1);
        svg.Append("<g class=\"heatmap\">\n");
        for (var i = 0; i < z.Length; i += blockRows)
            for (var j = 0; j < columns; j += blockColumns)
            {
                var values = Enumerable.Range(i, Math.Min(blockRows, z.Length - i))
                    .SelectMany(a => Enumerable.Range(j, Math.Min(blockColumns, columns - j)).Select(b => b < z[a].Length ? z[a][b] : null))
                    .Where(v => v is not null && double.IsFinite(v.Value)).Select(v => v!.Value).ToList();
                if (values.Count == 0) continue;
                var value = values.Average();
                double x0 = xEdges[j], x1 = xEdges[Math.Min(j + blockColumns, columns)], y0 = yEdges[i], y1 = yEdges[Math.Min(i + blockRows, z.Length)];
                var fill = scale.At(zmax > zmin ? (value - zmin) / (zmax - zmin) : 0.5);
                svg.Append(CultureInfo.InvariantCulture,
                    $"<rect class=\"cell\" x=\"{N(Math.Min(x0, x1))}\" y=\"{N(Math.Min(y0, y1))}\" width=\"{N(Math.Abs(x1 - x0))}\" height=\"{N(Math.Abs(y1 - y0))}\" fill=\"{fill}\" data-z=\"{N(value)}\"/>\n");
                if (template is not null && blockRows == 1 && blockColumns == 1)
                {
                    var text = Fill(template, name => name switch
                    {
                        "z" => value,
                        "text" => (texts?[i] as JsonArray)?[j]?.ToString(),
                        "x" => (trace["x"] as JsonArray)?[j]?.ToString(),
                        "y" => (trace["y"] as JsonArray)?[i]?.ToString(),
                        _ => null,
                    });
                    Text(svg, text, (x0 + x1) / 2, (y0 + y1) / 2, 12, SvgColourScale.IsDark(fill) ? "#fff" : "#222", "middle", "cell-text");
                }
            }
        svg.Append("</g>\n");
        if (!(trace["showscale"] is JsonValue show && !show.GetValue<bool>())) ColourBar(svg, trace, scale, zmin, zmax);
    }

    /// <summary>Pixel edges of heatmap cells: category bands, or midpoints between numeric centres.</summary>
    private static double[] PixelEdges(JsonArray? labels, int count, SvgAxis axis)
    {
        var numeric = Edges(labels, count, axis).ToArray();
        if (numeric.Length == count + 1) return numeric.Select(e => axis.Pixel(e) ?? 0).ToArray();
        return Enumerable.Range(0, count + 1).Select(i =>
        {
            // a category axis: the band of the label's category
            if (labels is not null && i < count) return axis.Pixel(labels[i]) is { } c ? c - Sign(axis) * axis.Scale / 2 : axis.PixelOf(i - 0.5);
            if (labels is not null && count > 0) return axis.Pixel(labels[count - 1]) is { } c ? c + Sign(axis) * axis.Scale / 2 : axis.PixelOf(count - 0.5);
            return axis.PixelOf(i - 0.5);
        }).ToArray();
    }

    /// <summary>+1 where pixels grow with the axis index (a horizontal or reversed vertical axis).</summary>
    private static double Sign(SvgAxis axis) => Math.Sign(axis.PixelOf(1) - axis.PixelOf(0));

    private static (double Min, double Max) ColourRange(JsonObject trace, double?[][] z)
    {
        var values = z.SelectMany(r => r).Where(v => v is not null && double.IsFinite(v.Value)).Select(v => v!.Value).ToList();
        var min = Number(trace["zmin"]) ?? (values.Count > 0 ? values.Min() : 0);
        var max = Number(trace["zmax"]) ?? (values.Count > 0 ? values.Max() : 1);
        return (min, max);
    }

    private void ColourBar(StringBuilder svg, JsonObject trace, SvgColourScale scale, double zmin, double zmax)
    {
        var x = _right + 14;
        const double thickness = 20, steps = 32;
        svg.Append("<g class=\"colorbar\">\n");
        var height = _bottom - _top;
        for (var k = 0; k < steps; k++)
            svg.Append(CultureInfo.InvariantCulture,
                $"<rect x=\"{N(x)}\" y=\"{N(_bottom - (k + 1) * height / steps)}\" width=\"{thickness}\" height=\"{N(height / steps + 0.5)}\" fill=\"{scale.At((k + 0.5) / steps)}\"/>\n");
        var axis = new SvgAxis(new JsonObject { ["range"] = new JsonArray(zmin, zmax) }) { Start = _bottom, End = _top };
        axis.Resolve();
        foreach (var (at, label) in axis.Ticks())
            Text(svg, label, x + thickness + 4, axis.PixelOf(at), 11, "#444", "start");
        if (TitleText((trace["colorbar"] as JsonObject)?["title"]) is { Length: > 0 } title) Text(svg, title, x, _top - 10, 11, "#444", "start");
        svg.Append("</g>\n");
    }

    private void Bars(StringBuilder svg, JsonObject trace, string colour, int barsOnAxis)
    {
        var y = YAxis(trace);
        var xs = trace["x"] as JsonArray ?? [];
        var ys = trace["y"] as JsonArray ?? [];
        var band = _x.IsCategory ? _x.Scale : MinimumSpacing(xs) * _x.Scale;
        var grouped = (_layout["barmode"]?.GetValue<string>() ?? "group") == "group";
        var slots = grouped ? Math.Max(barsOnAxis, 1) : 1;
        var slot = grouped ? Traces.Where(t => Type(t) == "bar" && YName(t) == YName(trace)).ToList().IndexOf(trace) : 0;
        var width = band * 0.8 / slots;
        var errors = ErrorArray(trace);
        var template = trace["texttemplate"]?.GetValue<string>();
        var baseline = y.Pixel(0) ?? y.Start;
        svg.Append("<g class=\"bars\">\n");
        for (var i = 0; i < Math.Min(xs.Count, ys.Count); i++)
        {
            if (_x.Pixel(xs[i]) is not { } cx || Number(ys[i]) is not { } value || y.Pixel(value) is not { } top) continue;
            var left = cx - band * 0.4 + slot * width;
            svg.Append(CultureInfo.InvariantCulture,
                $"<rect class=\"bar\" x=\"{N(left)}\" y=\"{N(Math.Min(top, baseline))}\" width=\"{N(width)}\" height=\"{N(Math.Abs(baseline - top))}\" fill=\"{colour}\" data-value=\"{N(value)}\"/>\n");
            if (errors is not null && i < errors.Length) ErrorBar(svg, left + width / 2, value, errors[i], y);
            if (template is not null)
                Text(svg, Fill(template, n => n == "y" ? value : n == "x" ? xs[i]?.ToString() : null), left + width / 2, Math.Min(top, baseline) + 14, 11, "#fff", "middle", "bar-text");
        }
        svg.Append("</g>\n");
    }

    private static double MinimumSpacing(JsonArray xs)
    {
        var values = xs.Select(Number).Where(v => v is not null).Select(v => v!.Value).Distinct().Order().ToList();
        var gaps = values.Zip(values.Skip(1), (a, b) => b - a).Where(g => g > 0).ToList();
        return gaps.Count > 0 ? gaps.Min() : 1;
    }

    private void Scatter(StringBuilder svg, JsonObject trace, string colour)
    {
        var y = YAxis(trace);
        var xs = trace["x"] as JsonArray ?? [];
        var ys = trace["y"] as JsonArray ?? [];
        var mode = trace["mode"]?.GetValue<string>() ?? "lines+markers";
        var points = Enumerable.Range(0, Math.Min(xs.Count, ys.Count))
            .Select(i => _x.Pixel(xs[i]) is { } px && Number(ys[i]) is { } v && y.Pixel(v) is { } py ? (X: px, Y: py, Value: v, Index: i) : ((double X, double Y, double Value, int Index)?)null)
            .ToList();
        var line = trace["line"] as JsonObject;
        var lineColour = line?["color"]?.GetValue<string>() ?? colour;
        svg.Append("<g class=\"scatter\">\n");
        if (mode.Contains("lines"))
        {
            var dash = (line?["dash"]?.GetValue<string>()) switch { "dot" => " stroke-dasharray=\"3,3\"", "dash" => " stroke-dasharray=\"9,5\"", "dashdot" => " stroke-dasharray=\"9,3,3,3\"", _ => "" };
            // A missing value breaks the line, as plotly.js draws it (connectgaps false).
            var run = new List<(double X, double Y)>();
            foreach (var p in points.Append(null))
            {
                if (p is { } q) { run.Add((q.X, q.Y)); continue; }
                if (run.Count > 1)
                    svg.Append(CultureInfo.InvariantCulture,
                        $"<polyline class=\"line\" points=\"{string.Join(" ", run.Select(r => N(r.X) + "," + N(r.Y)))}\" fill=\"none\" stroke=\"{lineColour}\" stroke-width=\"{N(Number(line?["width"]) ?? 2)}\"{dash}/>\n");
                run.Clear();
            }
        }
        var errors = ErrorArray(trace);
        if (errors is not null)
            foreach (var p in points.OfType<(double X, double Y, double Value, int Index)>())
                if (p.Index < errors.Length) ErrorBar(svg, p.X, p.Value, errors[p.Index], y);
        var marker = trace["marker"] as JsonObject;
        var radius = (Number(marker?["size"]) ?? 6) / 2;
        if (mode.Contains("markers"))
            foreach (var p in points.OfType<(double X, double Y, double Value, int Index)>())
            {
                var fill = marker?["color"] is JsonArray colours ? colours[p.Index]?.GetValue<string>() ?? colour : marker?["color"]?.GetValue<string>() ?? colour;
                var stroke = (marker?["line"] as JsonObject) is { } ml ? $" stroke=\"{Escape(ml["color"]?.GetValue<string>() ?? "#444")}\" stroke-width=\"{N(Number(ml["width"]) ?? 1)}\"" : "";
                svg.Append(CultureInfo.InvariantCulture, $"<circle class=\"marker\" cx=\"{N(p.X)}\" cy=\"{N(p.Y)}\" r=\"{N(radius)}\" fill=\"{Escape(fill)}\"{stroke}/>\n");
            }
        if (mode.Contains("text") && trace["text"] is { } text)
            foreach (var p in points.OfType<(double X, double Y, double Value, int Index)>())
            {
                var label = text is JsonArray labels ? labels[p.Index]?.ToString() : text.ToString();
                var position = trace["textposition"] is JsonArray positions ? positions[p.Index]?.ToString() : trace["textposition"]?.ToString();
                var dy = position switch { { } s when s.StartsWith("top", StringComparison.Ordinal) => -radius - 6, { } s when s.StartsWith("bottom", StringComparison.Ordinal) => radius + 10, _ => 0 };
                Text(svg, label, p.X, p.Y + dy, 12, "#222", "middle", "point-text");
            }
        svg.Append("</g>\n");
    }

    private static double[]? ErrorArray(JsonObject trace) =>
        trace["error_y"] is JsonObject e && !(e["visible"] is JsonValue v && !v.GetValue<bool>()) && e["array"] is JsonArray a
            ? a.Select(n => Number(n) ?? 0).ToArray()
            : null;

    private static IEnumerable<(double Value, double Error)> YWithErrors(JsonObject trace)
    {
        var errors = ErrorArray(trace);
        var ys = trace["y"] as JsonArray ?? [];
        for (var i = 0; i < ys.Count; i++)
            if (Number(ys[i]) is { } v) yield return (v, errors is not null && i < errors.Length ? errors[i] : 0);
    }

    private static void ErrorBar(StringBuilder svg, double x, double value, double error, SvgAxis y)
    {
        if (!(error > 0) || y.Pixel(value - error) is not { } low || y.Pixel(value + error) is not { } high) return;
        svg.Append(CultureInfo.InvariantCulture,
            $"<path class=\"error-bar\" d=\"M{N(x)},{N(low)}V{N(high)}M{N(x - 4)},{N(low)}H{N(x + 4)}M{N(x - 4)},{N(high)}H{N(x + 4)}\" stroke=\"#444\" stroke-width=\"1.5\" fill=\"none\"/>\n");
    }

    // ---- layout elements ----

    private void Shapes(StringBuilder svg, bool below)
    {
        foreach (var shape in (_layout["shapes"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if ((shape["layer"]?.GetValue<string>() == "below") != below || shape["type"]?.GetValue<string>() is not ("rect" or null)) continue;
            var x0 = X(shape["x0"], shape["xref"]); var x1 = X(shape["x1"], shape["xref"]);
            var y0 = Y(shape["y0"], shape["yref"]); var y1 = Y(shape["y1"], shape["yref"]);
            if (x0 is null || x1 is null || y0 is null || y1 is null) continue;
            svg.Append(CultureInfo.InvariantCulture,
                $"<rect class=\"shape\" x=\"{N(Math.Min(x0.Value, x1.Value))}\" y=\"{N(Math.Min(y0.Value, y1.Value))}\" width=\"{N(Math.Abs(x1.Value - x0.Value))}\" height=\"{N(Math.Abs(y1.Value - y0.Value))}\" fill=\"{Escape(shape["fillcolor"]?.GetValue<string>() ?? "none")}\"/>\n");
        }
    }

    private void Annotations(StringBuilder svg)
    {
        foreach (var a in (_layout["annotations"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (X(a["x"], a["xref"]) is not { } x || Y(a["y"], a["yref"]) is not { } y) continue;
            var text = a["text"]?.GetValue<string>() ?? "";
            if (a["showarrow"] is JsonValue s && s.GetValue<bool>())
            {
                // The tail: data coordinates when axref names an axis, else a pixel offset from the head (plotly.js' default -10, -30).
                var tx = a["axref"]?.GetValue<string>() == "x" ? X(a["ax"], a["axref"]) : x + (Number(a["ax"]) ?? -10);
                var ty = a["ayref"]?.GetValue<string>() is { } ayref && ayref != "pixel" ? Y(a["ay"], a["ayref"]) : y + (Number(a["ay"]) ?? -30);
                if (tx is { } ax && ty is { } ay) Arrow(svg, a, ax, ay, x, y);
                if (text.Length > 0) Text(svg, text, tx ?? x, ty ?? y, 12, "#222", "middle", "annotation");
                continue;
            }
            var font = a["font"] as JsonObject;
            var size = Number(font?["size"]) ?? 12;
            if (a["bgcolor"]?.GetValue<string>() is { } bg)
            {
                var w = Strip(text).Length * size * CharWidth + 4;
                svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"annotation-bg\" x=\"{N(x - w / 2)}\" y=\"{N(y - size * 0.7)}\" width=\"{N(w)}\" height=\"{N(size * 1.4)}\" fill=\"{Escape(bg)}\"/>\n");
            }
            Text(svg, text, x, y, size, font?["color"]?.GetValue<string>() ?? "#222", "middle", "annotation");
        }
    }

    private static void Arrow(StringBuilder svg, JsonObject a, double x0, double y0, double x1, double y1)
    {
        var length = Math.Sqrt((x1 - x0) * (x1 - x0) + (y1 - y0) * (y1 - y0));
        if (length < 1e-6) return;
        double ux = (x1 - x0) / length, uy = (y1 - y0) / length;
        var start = Number(a["startstandoff"]) ?? 0;
        var end = Number(a["standoff"]) ?? 0;
        if (start + end >= length) return;
        double sx = x0 + ux * start, sy = y0 + uy * start, ex = x1 - ux * end, ey = y1 - uy * end;
        var colour = Escape(a["arrowcolor"]?.GetValue<string>() ?? "#444");
        var width = Number(a["arrowwidth"]) ?? 1;
        const double head = 8;
        double bx = ex - ux * head, by = ey - uy * head;
        svg.Append(CultureInfo.InvariantCulture,
            $"<g class=\"arrow\"><line x1=\"{N(sx)}\" y1=\"{N(sy)}\" x2=\"{N(bx)}\" y2=\"{N(by)}\" stroke=\"{colour}\" stroke-width=\"{N(width)}\"/>"
            + $"<polygon points=\"{N(ex)},{N(ey)} {N(bx - uy * head / 2)},{N(by + ux * head / 2)} {N(bx + uy * head / 2)},{N(by - ux * head / 2)}\" fill=\"{colour}\"/></g>\n");
    }

    private double? X(JsonNode? value, JsonNode? reference) =>
        Ref(reference) == "paper" ? Number(value) is { } f ? _left + f * (_right - _left) : null : _x.Pixel(value);

    private double? Y(JsonNode? value, JsonNode? reference)
    {
        var name = Ref(reference) ?? "y";
        if (name == "paper") return Number(value) is { } f ? _bottom - f * (_bottom - _top) : null;
        return _y.TryGetValue(name, out var axis) ? axis.Pixel(value) : null;
    }

    private static string? Ref(JsonNode? reference) => reference?.GetValue<string>() is { } r ? r.Split(' ')[0] : null;

    private void Grid(StringBuilder svg)
    {
        if (_x.Visible && !_x.IsCategory)
            foreach (var (at, _) in _x.Ticks())
                foreach (var y in _y.Values.Where(a => a.Layout["overlaying"] is null))
                    svg.Append(CultureInfo.InvariantCulture, $"<line class=\"grid\" x1=\"{N(_x.PixelOf(at))}\" x2=\"{N(_x.PixelOf(at))}\" y1=\"{N(y.Start)}\" y2=\"{N(y.End)}\" stroke=\"#eee\"/>\n");
        foreach (var y in _y.Values.Where(a => a.Visible && !a.IsCategory && a.Layout["overlaying"] is null))
            foreach (var (at, _) in y.Ticks())
                svg.Append(CultureInfo.InvariantCulture, $"<line class=\"grid\" x1=\"{N(_left)}\" x2=\"{N(_right)}\" y1=\"{N(y.PixelOf(at))}\" y2=\"{N(y.PixelOf(at))}\" stroke=\"#eee\"/>\n");
    }

    private void Axes(StringBuilder svg)
    {
        var lowest = _y.Values.Max(a => a.Start);
        if (_x.Visible)
        {
            var band = _x.IsCategory ? _x.Scale : double.PositiveInfinity;
            var longest = _x.Ticks().Select(t => t.Label.Length).DefaultIfEmpty(0).Max();
            var tilt = longest * 12 * CharWidth > band * 0.95;
            foreach (var (at, label) in _x.Ticks())
            {
                var px = _x.PixelOf(at);
                svg.Append(tilt
                    ? $"<text class=\"tick\" x=\"{N(px)}\" y=\"{N(lowest + 14)}\" text-anchor=\"end\" fill=\"#444\" transform=\"rotate(-30 {N(px)} {N(lowest + 14)})\">{Escape(label)}</text>\n"
                    : $"<text class=\"tick\" x=\"{N(px)}\" y=\"{N(lowest + 18)}\" text-anchor=\"middle\" fill=\"#444\">{Escape(label)}</text>\n");
            }
            Text(svg, _x.Title, (_left + _right) / 2, lowest + (tilt ? 18 + longest * 12 * CharWidth / 2 : 42), 14, "#444", "middle", "axis-title");
        }
        foreach (var y in _y.Values.Where(a => a.Visible))
        {
            var right = y.Layout["side"]?.GetValue<string>() == "right";
            var edge = right ? _right : _left;
            var labels = y.Ticks().ToList();
            foreach (var (at, label) in labels)
                svg.Append(CultureInfo.InvariantCulture,
                    $"<text class=\"tick\" x=\"{N(right ? edge + 6 : edge - 6)}\" y=\"{N(y.PixelOf(at) + 4)}\" text-anchor=\"{(right ? "start" : "end")}\" fill=\"#444\">{Escape(label)}</text>\n");
            var room = 14 + labels.Select(l => l.Label.Length).DefaultIfEmpty(0).Max() * 12 * CharWidth;
            var tx = right ? edge + room : edge - room;
            var ty = (y.Start + y.End) / 2;
            if (y.Title.Length > 0)
                svg.Append(CultureInfo.InvariantCulture,
                    $"<text class=\"axis-title\" x=\"{N(tx)}\" y=\"{N(ty)}\" text-anchor=\"middle\" font-size=\"14\" fill=\"#444\" transform=\"rotate({(right ? 90 : -90)} {N(tx)} {N(ty)})\">{Escape(y.Title)}</text>\n");
        }
    }

    private void Legend(StringBuilder svg)
    {
        var entries = Traces.Select((t, i) => (Trace: t, Colour: Colour(t, i))).Where(e => e.Trace["name"] is not null).ToList();
        var horizontal = (_layout["legend"] as JsonObject)?["orientation"]?.GetValue<string>() == "h";
        double x = horizontal ? _left : _right + 20, y = horizontal ? Height - 16 : _top + 8;
        svg.Append("<g class=\"legend\">\n");
        foreach (var (trace, colour) in entries)
        {
            var name = Name(trace);
            var width = 30 + name.Length * 12 * CharWidth;
            if (horizontal && x + width > Width) { x = _left; y -= 18; }
            var swatch = Type(trace) is "bar" or "heatmap"
                ? $"<rect x=\"{N(x)}\" y=\"{N(y - 6)}\" width=\"12\" height=\"12\" fill=\"{colour}\"/>"
                : $"<line x1=\"{N(x)}\" x2=\"{N(x + 16)}\" y1=\"{N(y)}\" y2=\"{N(y)}\" stroke=\"{Escape((trace["line"] as JsonObject)?["color"]?.GetValue<string>() ?? colour)}\" stroke-width=\"2\"/>";
            svg.Append(swatch);
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(x + 20)}\" y=\"{N(y + 4)}\" fill=\"#444\">{Escape(name)}</text>\n");
            if (horizontal) x += width;
            else y += 18;
        }
        svg.Append("</g>\n");
    }

    private void Title(StringBuilder svg)
    {
        var title = (_layout["title"] as JsonObject)?["text"]?.GetValue<string>() ?? "";
        var lines = BreakTag().Split(title).Select(Strip).Where(l => l.Length > 0).ToList();
        var y = Math.Min(_top / 2, 50) - (lines.Count - 1) * 8;
        for (var i = 0; i < lines.Count; i++)
        {
            Text(svg, lines[i], Width / 2, y, i == 0 ? 17 : 12, "#444", "middle", i == 0 ? "title" : "subtitle");
            y += i == 0 ? 20 : 15;
        }
    }

    // ---- helpers ----

    private static void Text(StringBuilder svg, string? text, double x, double y, double size, string colour, string anchor, string? cls = null)
    {
        if (string.IsNullOrEmpty(text)) return;
        var lines = BreakTag().Split(text).Select(Strip).ToList();
        var first = y + size * 0.35 - (lines.Count - 1) * size * 0.6;
        var attribute = cls is null ? "" : " class=\"" + cls + "\"";
        svg.Append(CultureInfo.InvariantCulture, $"<text{attribute} x=\"{N(x)}\" y=\"{N(first)}\" font-size=\"{N(size)}\" fill=\"{Escape(colour)}\" text-anchor=\"{anchor}\">");
        for (var i = 0; i < lines.Count; i++)
            svg.Append(i == 0 ? Escape(lines[i]) : $"<tspan x=\"{N(x)}\" dy=\"{N(size * 1.2)}\">{Escape(lines[i])}</tspan>");
        svg.Append("</text>\n");
    }

    /// <summary>A plotly.js texttemplate with %{name} and %{name:.Nf} placeholders filled.</summary>
    internal static string Fill(string template, Func<string, object?> value) =>
        Placeholder().Replace(template, m =>
        {
            var v = value(m.Groups[1].Value);
            var format = m.Groups[2].Value;
            if (v is double d)
            {
                var fixedDigits = FixedFormat().Match(format);
                return fixedDigits.Success
                    ? d.ToString((format.Contains(',') ? "#,0." : "0.") + new string('0', int.Parse(fixedDigits.Groups[1].Value, CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture).TrimEnd('.')
                    : d.ToString("0.###", CultureInfo.InvariantCulture);
            }
            return v?.ToString() ?? "";
        });

    internal static string TitleText(JsonNode? title) =>
        title is JsonObject o ? Strip(o["text"]?.GetValue<string>() ?? "") : title is JsonValue v && v.TryGetValue<string>(out var s) ? Strip(s) : "";

    private static string Strip(string html) => WebUtility.HtmlDecode(Tag().Replace(html, ""));

    private static string Type(JsonObject trace) => trace["type"]?.GetValue<string>() ?? "scatter";

    private static string Name(JsonObject trace) => trace["name"]?.ToString() ?? "";

    private static string Colour(JsonObject trace, int index) =>
        Escape((trace["marker"] as JsonObject)?["color"] is JsonValue c && c.TryGetValue<string>(out var s) ? s : Colorway[index % Colorway.Length]);

    private static double? Number(JsonNode? node) => node is JsonValue v && v.TryGetValue<double>(out var d) ? d : null;

    private static string Escape(string text) => WebUtility.HtmlEncode(text);

    /// <summary>A coordinate or size as SVG writes it: invariant, at most two decimals.</summary>
    internal static string N(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);

    [GeneratedRegex("<br\\s*/?>", RegexOptions.IgnoreCase)]
    private static partial Regex BreakTag();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex("%\\{(\\w+)(?::([^}]*))?\\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex("\\.(\\d+)f")]
    private static partial Regex FixedFormat();
}
