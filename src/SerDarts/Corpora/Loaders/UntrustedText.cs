namespace SerDarts.Corpora;

/// <summary>
/// Shows text read from a corpus' label files in messages: quoted, control characters (terminal escapes,
/// newlines) replaced by '?', and cut at 80 characters, so a hostile line cannot forge or flood a report.
/// </summary>
internal static class UntrustedText
{
    private const int MaxShown = 80;

    public static string Quote(string text)
    {
        var shown = new string(text.Take(MaxShown).Select(c => char.IsControl(c) ? '?' : c).ToArray());
        return $"'{shown}{(text.Length > MaxShown ? "..." : "")}'";
    }

    /// <summary>True when the text holds a control character (never valid in ids, speakers or sessions).</summary>
    public static bool HasControl(string text) => text.Any(char.IsControl);
}
