using System.Globalization;

namespace SerDarts.Corpora;

/// <summary>
/// IEMOCAP: Session{n}/sentences/wav/&lt;dialog&gt;/&lt;utterance&gt;.wav, labelled by
/// Session{n}/dialog/EmoEvaluation/&lt;dialog&gt;.txt. Speaker = "Ses0n" + the gender letter of the utterance's
/// turn ("Ses01F_impro01_M003" is Ses01M). The embedded sample corpus uses the same layout.
/// </summary>
public sealed class IemocapLoader : ICorpusLoader
{
    public string Name => "iemocap";

    public CorpusScan Scan(string root, CorpusOptions? options = null, IProgress<int>? progress = null)
    {
        ScanBuilder.RequireFolder(root, Name);
        var sessions = Directory.EnumerateDirectories(root, "Session*").Order(StringComparer.Ordinal).ToList();
        if (sessions.Count == 0)
            throw new DirectoryNotFoundException($"{root}: no Session* folders; is this an IEMOCAP root?");
        var builder = new ScanBuilder(progress);
        foreach (var session in sessions)
            ScanSession(session, options ?? CorpusOptions.Default, builder);
        return builder.Build();
    }

    private static void ScanSession(string session, CorpusOptions options, ScanBuilder builder)
    {
        var wavRoot = Path.Combine(session, "sentences", "wav");
        var evalRoot = Path.Combine(session, "dialog", "EmoEvaluation");
        if (!Directory.Exists(wavRoot))
        {
            builder.Skip(session, "no sentences/wav folder in this session");
            return;
        }
        foreach (var dialogDir in IemocapDialogs.Select(Directory.EnumerateDirectories(wavRoot), options))
        {
            var dialog = Path.GetFileName(dialogDir);
            ScanDialog(Path.GetFileName(session), dialogDir, Path.Combine(evalRoot, dialog + ".txt"), options.Excited, builder);
        }
    }

    private static void ScanDialog(string session, string dialogDir, string evalFile, ExcitedLabel excited, ScanBuilder builder)
    {
        var wavs = ScanBuilder.WavFiles(dialogDir).ToList();
        var dialog = Path.GetFileName(dialogDir);
        (IReadOnlyList<IemocapLabel> Labels, IReadOnlyList<BadLine> BadLines) parsed = ([], []);
        var unusable = IemocapNames.DialogProblem(dialog, session)
                       ?? (File.Exists(evalFile) ? Labels(evalFile, out parsed) : $"no label file {RelativeEval(evalFile)}");
        if (unusable is not null)
        {
            foreach (var wav in wavs)
                builder.Reject(wav, unusable);
            return;
        }
        var (labels, badLines) = parsed;
        foreach (var bad in badLines)
            builder.Skip(evalFile, $"line {bad.Line}: {bad.Reason}");
        var byId = labels.GroupBy(l => l.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        foreach (var repeats in byId.Values.Where(g => g.Count > 1 && g.All(l => SameLabel(l, g[0]))))
            foreach (var repeat in repeats.Skip(1))
                builder.Skip(evalFile, $"line {repeat.Line}: labels {repeat.Id} again, as line {repeats[0].Line} does; line {repeats[0].Line} is used");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var wav in wavs)
        {
            var id = Path.GetFileNameWithoutExtension(wav);
            seen.Add(id);
            if (IemocapNames.TurnProblem(id, dialog) is { } badName)
                builder.Reject(wav, badName);
            else if (!byId.TryGetValue(id, out var turn))
                builder.Reject(wav, $"no label for '{id}' in {RelativeEval(evalFile)}");
            else if (turn.Any(l => !SameLabel(l, turn[0])))
                builder.Reject(wav, $"conflicting labels in {RelativeEval(evalFile)}: " +
                                    string.Join(", ", turn.Select(l => $"line {l.Line} says {l.Label}")));
            else
                AddTurn(session, dialog, wav, turn[0], excited, builder);
        }
        // Ids passed IemocapNames.TurnProblem: plain names, so the path stays in the dialog folder.
        foreach (var missing in byId.Values.Select(g => g[0]).Where(l => !seen.Contains(l.Id)).OrderBy(l => l.Line))
            builder.Skip(Path.Combine(dialogDir, missing.Id + ".wav"), $"labelled in {RelativeEval(evalFile)} line {missing.Line} but the audio file is missing");
    }

    /// <summary>Parses a label file; returns why it cannot be read, or null.</summary>
    private static string? Labels(string evalFile, out (IReadOnlyList<IemocapLabel> Labels, IReadOnlyList<BadLine> BadLines) parsed)
    {
        try
        {
            parsed = IemocapEvaluation.Parse(evalFile);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            parsed = ([], []);
            return $"cannot read the label file {RelativeEval(evalFile)}: {e.Message}";
        }
    }

    private static bool SameLabel(IemocapLabel a, IemocapLabel b) => string.Equals(a.Label, b.Label, StringComparison.OrdinalIgnoreCase);

    private static void AddTurn(string session, string dialog, string wav, IemocapLabel label, ExcitedLabel excited, ScanBuilder builder)
    {
        var speaker = Speaker(label.Id);
        if (speaker is null)
        {
            builder.Reject(wav, $"cannot tell the speaker from '{label.Id}' (expected Ses0nX_<dialog>_<F|M>nnn)");
            return;
        }
        var extras = new Dictionary<string, string>
        {
            ["dialog"] = dialog,
            ["improvised"] = dialog.Contains("_impro", StringComparison.Ordinal) ? "true" : "false",
            ["label"] = label.Label,
            ["start"] = label.Start.ToString("R", CultureInfo.InvariantCulture),
            ["end"] = label.End.ToString("R", CultureInfo.InvariantCulture),
            ["vad"] = label.Vad,
        };
        builder.Add(label.Id, wav, IemocapEvaluation.MapLabel(label.Label, excited), speaker, session, extras);
    }

    /// <summary>"Ses01" + the gender letter that starts the last part of the id, or null.</summary>
    internal static string? Speaker(string id)
    {
        var parts = id.Split('_');
        if (parts.Length < 3 || parts[0].Length < 5 || !parts[0].StartsWith("Ses", StringComparison.Ordinal))
            return null;
        char gender = parts[^1].Length > 0 ? parts[^1][0] : '?';
        return gender is 'F' or 'M' ? parts[0][..5] + gender : null;
    }

    private static string RelativeEval(string evalFile) =>
        Path.Combine("dialog", "EmoEvaluation", Path.GetFileName(evalFile));
}
