using System.Text.RegularExpressions;

namespace SerDarts.Corpora;

/// <summary>
/// IEMOCAP's naming rules, applied to everything a label file or a folder name claims. Dialogs are
/// "Ses0{1-5}{F|M}_impro{nn}" or "Ses0{1-5}{F|M}_script{nn}_{n}", with the release's letter variants
/// (Ses03M_impro05a/b, Ses03M_impro08a/b, Ses05M_script01_1b); a turn is "&lt;dialog&gt;_{F|M}{nnn}". An id that
/// follows them holds no path separator, dot or control character, so no id can lead a path out of its folder.
/// </summary>
internal static partial class IemocapNames
{
    private const string DialogPattern = @"Ses0[1-5][FM]_(?:impro\d{2}[ab]?|script\d{2}_\d[ab]?)";

    /// <summary>IEMOCAP's categorical labels (EmoEvaluation's third column), lower case.</summary>
    public static IReadOnlySet<string> LabelCodes { get; } =
        new HashSet<string>(["neu", "hap", "exc", "sad", "ang", "fru", "sur", "fea", "dis", "oth", "xxx"], StringComparer.Ordinal);

    [GeneratedRegex("^" + DialogPattern + "$")]
    private static partial Regex Dialog();

    [GeneratedRegex("^(" + DialogPattern + ")_[FM][0-9]{3}$")]
    private static partial Regex Turn();

    [GeneratedRegex(@"^Session([0-9]+)$")]
    private static partial Regex SessionFolder();

    /// <summary>Why a dialog folder cannot be part of session folder <paramref name="session"/>, or null.</summary>
    public static string? DialogProblem(string dialog, string session)
    {
        if (!Dialog().IsMatch(dialog))
            return $"dialog folder {UntrustedText.Quote(dialog)} breaks IEMOCAP's naming (Ses0n{{F|M}}_impro<nn> or Ses0n{{F|M}}_script<nn>_<n>)";
        var m = SessionFolder().Match(session);
        return m.Success && int.TryParse(m.Groups[1].Value, out int n) && n != dialog[4] - '0'
            ? $"dialog {dialog} belongs to Session{dialog[4]}, not {session}"
            : null;
    }

    /// <summary>Why <paramref name="id"/> is not a turn of <paramref name="dialog"/>, or null.</summary>
    public static string? TurnProblem(string id, string dialog)
    {
        var m = Turn().Match(id);
        if (!m.Success)
            return $"utterance id {UntrustedText.Quote(id)} breaks IEMOCAP's naming (<dialog>_{{F|M}}nnn)";
        return m.Groups[1].Value == dialog ? null : $"utterance id {id} is not a turn of dialog {dialog}";
    }
}
