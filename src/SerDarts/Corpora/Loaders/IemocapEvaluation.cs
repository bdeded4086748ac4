using System.Globalization;
using System.Text.RegularExpressions;

namespace SerDarts.Corpora;

/// <summary>One labelled turn of an IEMOCAP EmoEvaluation file.</summary>
internal sealed record IemocapLabel(string Id, string Label, double Start, double End, string Vad, int Line);

/// <summary>
/// Parses Session{n}/dialog/EmoEvaluation/&lt;dialog&gt;.txt: each turn starts with a line
/// "[start - end]&lt;TAB&gt;utterance id&lt;TAB&gt;label&lt;TAB&gt;[V, A, D]"; the annotators' lines that follow are ignored.
/// </summary>
internal static partial class IemocapEvaluation
{
    [GeneratedRegex(@"^\[\s*([0-9.]+)\s*-\s*([0-9.]+)\s*\]\s+(\S+)\s+(\S+)\s+\[([^\]]*)\]\s*$")]
    private static partial Regex TurnLine();

    /// <summary>Labelled turns, and the numbers of the lines that start with '[' but do not parse.</summary>
    public static (IReadOnlyList<IemocapLabel> Labels, IReadOnlyList<int> BadLines) Parse(string path)
    {
        var labels = new List<IemocapLabel>();
        var bad = new List<int>();
        int number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (!line.StartsWith('['))
                continue;
            var m = TurnLine().Match(line);
            if (m.Success && TryNumber(m.Groups[1].Value, out var start) && TryNumber(m.Groups[2].Value, out var end))
                labels.Add(new IemocapLabel(m.Groups[3].Value, m.Groups[4].Value, start, end, Vad(m.Groups[5].Value), number));
            else
                bad.Add(number);
        }
        return (labels, bad);
    }

    /// <summary>IEMOCAP's label codes onto SerDarts' 4 classes (excited merged into happy unless left out); others kept as coded.</summary>
    public static string MapLabel(string code, ExcitedLabel excited) => code.ToLowerInvariant() switch
    {
        "neu" => EmotionClasses.Neutral,
        "hap" => EmotionClasses.Happy,
        "exc" when excited == ExcitedLabel.MergeIntoHappy => EmotionClasses.Happy,
        "sad" => EmotionClasses.Sad,
        "ang" => EmotionClasses.Angry,
        var other => other,
    };

    private static string Vad(string text) =>
        string.Join(",", text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));

    private static bool TryNumber(string s, out double value) =>
        double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
}
