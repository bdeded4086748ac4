using System.Text.RegularExpressions;

namespace SerDarts.Corpora;

/// <summary>The dialog folders of one IEMOCAP session that a scan with given <see cref="CorpusOptions"/> reads.</summary>
internal static partial class IemocapDialogs
{
    // jayaneetha/emoDARTS' key of a recording: (session, improvisation number), found anywhere in the folder name.
    [GeneratedRegex(@"(Ses\d{2})[FM]_(impro\d{2})")]
    private static partial Regex Improvisation();

    /// <summary>The wanted folders in ordinal order; with one recording per improvisation, the first of each.</summary>
    public static IEnumerable<string> Select(IEnumerable<string> dialogFolders, CorpusOptions options)
    {
        var improvisations = new HashSet<string>(StringComparer.Ordinal);
        foreach (var folder in dialogFolders.Order(StringComparer.Ordinal))
        {
            var dialog = Path.GetFileName(folder);
            if (!Wanted(dialog, options.Dialogs))
                continue;
            var m = Improvisation().Match(dialog);
            if (options.OneRecordingPerImprovisation && m.Success && !improvisations.Add($"{m.Groups[1].Value}_{m.Groups[2].Value}"))
                continue;
            yield return folder;
        }
    }

    private static bool Wanted(string dialog, DialogKind kind) => kind switch
    {
        DialogKind.Improvised => dialog.Contains("_impro", StringComparison.Ordinal),
        DialogKind.Scripted => dialog.Contains("_script", StringComparison.Ordinal),
        _ => true,
    };
}
