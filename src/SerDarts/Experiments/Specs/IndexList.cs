using System.Globalization;

namespace SerDarts.Experiments.Specs;

/// <summary>Parses index lists as typed on a command line: "0", "0,2,4", "0-4" or "0-2,7".</summary>
public static class IndexList
{
    public static IReadOnlyList<int> Parse(string text)
    {
        var result = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var dash = part.IndexOf('-', 1);
            if (dash < 0) { result.Add(ParseOne(part, text)); continue; }
            var (from, to) = (ParseOne(part[..dash], text), ParseOne(part[(dash + 1)..], text));
            if (to < from) throw new FormatException($"'{part}' in '{text}' is a descending range");
            for (var i = from; i <= to; i++) result.Add(i);
        }
        if (result.Count == 0) throw new FormatException($"'{text}' lists no index");
        return result.Distinct().ToList();
    }

    private static int ParseOne(string value, string text) =>
        int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            ? index
            : throw new FormatException($"'{value}' in '{text}' is not a non-negative integer");
}
