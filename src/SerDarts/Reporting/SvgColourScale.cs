using System.Globalization;
using System.Text.Json.Nodes;

namespace SerDarts.Reporting;

/// <summary>
/// A plotly.js colour scale for <see cref="SvgChart"/>: the named scales the chart factories use, with plotly.js'
/// own stops (plotly.js src/components/colorscale/scales.js), or an explicit [[fraction, colour], ...] list;
/// colours between stops are interpolated linearly in RGB, as plotly.js does.
/// </summary>
internal sealed class SvgColourScale
{
    private static readonly Dictionary<string, (double, string)[]> Named = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Viridis"] =
        [
            (0, "#440154"), (0.06274509803921569, "#48186a"), (0.12549019607843137, "#472d7b"), (0.18823529411764706, "#424086"),
            (0.25098039215686274, "#3b528b"), (0.3137254901960784, "#33638d"), (0.3764705882352941, "#2c728e"), (0.4392156862745098, "#26828e"),
            (0.5019607843137255, "#21918c"), (0.5647058823529412, "#1fa088"), (0.6274509803921569, "#28ae80"), (0.6901960784313725, "#3fbc73"),
            (0.7529411764705882, "#5ec962"), (0.8156862745098039, "#84d44b"), (0.8784313725490196, "#addc30"), (0.9411764705882353, "#d8e219"),
            (1, "#fde725"),
        ],
        ["Blues"] = [(0, "rgb(5,10,172)"), (0.35, "rgb(40,60,190)"), (0.5, "rgb(70,100,245)"), (0.6, "rgb(90,120,245)"), (0.7, "rgb(106,137,247)"), (1, "rgb(220,220,220)")],
        ["RdBu"] = [(0, "rgb(5,10,172)"), (0.35, "rgb(106,137,247)"), (0.5, "rgb(190,190,190)"), (0.6, "rgb(220,170,132)"), (0.7, "rgb(230,145,90)"), (1, "rgb(178,10,28)")],
        ["Greys"] = [(0, "rgb(0,0,0)"), (1, "rgb(255,255,255)")],
    };

    private readonly (double At, (double R, double G, double B) Colour)[] _stops;

    private SvgColourScale((double At, (double, double, double) Colour)[] stops) => _stops = stops;

    /// <summary>The trace's colorscale attribute (a name or a list of stops); plotly.js' default RdBu when absent.</summary>
    public static SvgColourScale From(JsonNode? colorscale, bool reversed)
    {
        (double At, string Colour)[] stops = colorscale switch
        {
            JsonArray list => list.OfType<JsonArray>().Select(s => (s[0]!.GetValue<double>(), s[1]!.GetValue<string>())).ToArray(),
            JsonValue name when name.TryGetValue<string>(out var n) && Named.TryGetValue(n, out var named) => named,
            _ => Named["RdBu"],
        };
        var parsed = stops.Select(s => (reversed ? 1 - s.At : s.At, Parse(s.Colour))).OrderBy(s => s.Item1).ToArray();
        return new SvgColourScale(parsed);
    }

    /// <summary>The colour at a fraction of the scale (clamped to 0..1), as #rrggbb.</summary>
    public string At(double fraction)
    {
        var f = double.IsFinite(fraction) ? Math.Clamp(fraction, 0, 1) : 0;
        var upper = Array.FindIndex(_stops, s => s.At >= f);
        if (upper <= 0) return Hex(_stops[Math.Max(upper, 0)].Colour);
        var (a, ca) = _stops[upper - 1];
        var (b, cb) = _stops[upper];
        var t = b > a ? (f - a) / (b - a) : 0;
        return Hex((ca.R + t * (cb.R - ca.R), ca.G + t * (cb.G - ca.G), ca.B + t * (cb.B - ca.B)));
    }

    /// <summary>True for a colour on which dark text would not read (relative luminance below one half).</summary>
    public static bool IsDark(string colour)
    {
        var (r, g, b) = Parse(colour);
        return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255 < 0.5;
    }

    internal static (double R, double G, double B) Parse(string colour)
    {
        var c = colour.Trim();
        if (c.StartsWith('#') && c.Length == 7)
            return (int.Parse(c[1..3], NumberStyles.HexNumber, CultureInfo.InvariantCulture),
                int.Parse(c[3..5], NumberStyles.HexNumber, CultureInfo.InvariantCulture),
                int.Parse(c[5..7], NumberStyles.HexNumber, CultureInfo.InvariantCulture));
        if (c.StartsWith("rgb", StringComparison.OrdinalIgnoreCase) && c.IndexOf('(') is var open and > 0)
        {
            var parts = c[(open + 1)..c.IndexOf(')')].Split(',').Select(p => double.Parse(p, CultureInfo.InvariantCulture)).ToArray();
            return (parts[0], parts[1], parts[2]);
        }
        throw new FormatException($"colour '{colour}' is neither #rrggbb nor rgb(r,g,b)");
    }

    private static string Hex((double R, double G, double B) c) =>
        string.Create(CultureInfo.InvariantCulture, $"#{Byte(c.R):x2}{Byte(c.G):x2}{Byte(c.B):x2}");

    private static int Byte(double v) => (int)Math.Round(Math.Clamp(v, 0, 255));
}
