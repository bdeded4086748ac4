using System.Globalization;
using System.Text.RegularExpressions;

namespace SerDarts.Corpora;

/// <summary>One labelled turn of an IEMOCAP EmoEvaluation file.</summary>
internal sealed record IemocapLabel(string Id, string Label, double Start, double End, string Vad, int Line);

/// <summary>A line of a label file that cannot be used, and why.</summary>
internal sealed record BadLine(int Line, string Reason);

/// <summary>
/// Parses Session{n}/dialog/EmoEvaluation/&lt;dialog&gt;.txt: each turn starts with a line
/// "[start - end]&lt;TAB&gt;utterance id&lt;TAB&gt;label&lt;TAB&gt;[V, A, D]"; the annotators' lines that follow are ignored.
/// Label files are untrusted: a turn line whose id is not a turn of this dialog (<see cref="IemocapNames"/>),
/// whose label is not an IEMOCAP code, whose times run backwards or whose V, A, D are not three numbers is a
/// <see cref="BadLine"/>, never a label.
/// </summary>
internal static partial class IemocapEvaluation
{
    [GeneratedRegex(@"^\[\s*([0-9.]+)\s*-\s*([0-9.]+)\s*\]\s+(\S+)\s+(\S+)\s+\[([^\]]*)\]\s*$")]
    private static partial Regex TurnLine();

    /// <summary>Labelled turns and the lines starting with '[' that cannot be used; the dialog is the file's name.</summary>
    public static (IReadOnlyList<IemocapLabel> Labels, IReadOnlyList<BadLine> BadLines) Parse(string path)
    {
        var dialog = Path.GetFileNameWithoutExtension(path);
        var labels = new List<IemocapLabel>();
        var bad = new List<BadLine>();
        int number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (!line.StartsWith('['))
                continue;
            if (Read(line, dialog, number, out var reason) is { } label)
                labels.Add(label);
            else
                bad.Add(new BadLine(number, reason!));
        }
        return (labels, bad);
    }

    private static IemocapLabel? Read(string line, string dialog, int number, out string? reason)
    {
        var m = TurnLine().Match(line);
        string id = m.Groups[3].Value, code = m.Groups[4].Value;
        var vad = m.Groups[5].Value.Split(',', StringSplitOptions.TrimEntries);
        bool timed = TryNumber(m.Groups[1].Value, out var start) & TryNumber(m.Groups[2].Value, out var end);
        reason =
            !m.Success ? "not a '[start - end] id label [V, A, D]' line"
            : !timed ? "start or end is not a number"
            : start > end ? $"the turn starts at {m.Groups[1].Value} s, after its end {m.Groups[2].Value} s"
            : IemocapNames.TurnProblem(id, dialog) is { } problem ? problem
            : !IemocapNames.LabelCodes.Contains(code.ToLowerInvariant()) ? $"unknown emotion code {UntrustedText.Quote(code)}"
            : vad.Length != 3 || !vad.All(v => TryNumber(v, out _)) ? "V, A, D are not three numbers"
            : null;
        return reason is null ? new IemocapLabel(id, code, start, end, string.Join(",", vad), number) : null;
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

    private static bool TryNumber(string s, out double value) =>
        double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
}
