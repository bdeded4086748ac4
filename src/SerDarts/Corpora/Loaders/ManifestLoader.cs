namespace SerDarts.Corpora;

/// <summary>
/// A CSV manifest for any other corpus: a header row naming at least the columns path, emotion and speaker,
/// optionally session and id; other columns become extras. Paths are relative to the CSV's folder (or absolute)
/// and must lie inside it: a manifest is untrusted input, and a row pointing elsewhere is reported, not read.
/// Ids, emotions, speakers and sessions hold no control characters and ids at most <see cref="MaxIdLength"/> characters.
/// The root is the CSV file itself or a folder holding manifest.csv. Emotions pass through
/// <see cref="EmotionClasses.Normalize"/>; without a session column each speaker is its own session; without
/// an id column the id is the path without extension.
/// </summary>
public sealed class ManifestLoader : ICorpusLoader
{
    public const string DefaultFileName = "manifest.csv";
    public const int MaxIdLength = 256;
    private static readonly string[] Required = ["path", "emotion", "speaker"];

    public string Name => "manifest";

    public CorpusScan Scan(string root, CorpusOptions? options = null, IProgress<int>? progress = null)
    {
        var csv = Directory.Exists(root) ? Path.Combine(root, DefaultFileName) : root;
        if (!File.Exists(csv))
            throw new FileNotFoundException($"{csv}: no such manifest (a CSV with columns path, emotion, speaker[, session, id])", csv);
        var folder = Path.GetDirectoryName(Path.GetFullPath(csv))!;
        using var reader = new StreamReader(csv);
        var rows = CsvTable.Read(reader).ToList();
        var header = rows.Count > 0 ? rows[0].Fields.Select(h => h.Trim().ToLowerInvariant()).ToList() : [];
        var missing = Required.Where(r => !header.Contains(r)).ToList();
        if (missing.Count > 0)
            throw new InvalidDataException($"{csv}: the header row lacks the column(s) {string.Join(", ", missing)}");
        var builder = new ScanBuilder(progress);
        foreach (var (line, fields) in rows.Skip(1))
            AddRow(csv, folder, header, line, fields, builder);
        return builder.Build();
    }

    private static void AddRow(string csv, string folder, List<string> header, int line, IReadOnlyList<string> fields, ScanBuilder builder)
    {
        if (fields.Count != header.Count)
        {
            builder.Reject(csv, $"line {line}: {fields.Count} fields, the header has {header.Count}");
            return;
        }
        var row = header.Zip(fields).GroupBy(p => p.First).ToDictionary(g => g.Key, g => g.First().Second.Trim());
        var relative = row["path"];
        if (relative.Length == 0)
        {
            builder.Reject(csv, $"line {line}: empty path");
            return;
        }
        if (CorpusPath.Resolve(folder, relative, out var outside) is not { } path)
        {
            builder.Reject(csv, $"line {line}: {outside}");
            return;
        }
        string emotion = EmotionClasses.Normalize(row["emotion"]), speaker = row["speaker"];
        if (emotion.Length == 0 || speaker.Length == 0)
        {
            builder.Reject(path, $"line {line}: empty {(emotion.Length == 0 ? "emotion" : "speaker")}");
            return;
        }
        if (!File.Exists(path))
        {
            builder.Reject(path, $"line {line}: file not found");
            return;
        }
        var session = row.GetValueOrDefault("session") is { Length: > 0 } s ? s : speaker;
        var id = row.GetValueOrDefault("id") is { Length: > 0 } i ? i : Path.ChangeExtension(relative, null).Replace('\\', '/');
        if (new[] { id, emotion, speaker, session }.Any(UntrustedText.HasControl) || id.Length > MaxIdLength)
        {
            builder.Reject(path, $"line {line}: the id {UntrustedText.Quote(id)}, emotion, speaker or session holds control characters, or the id is over {MaxIdLength} characters");
            return;
        }
        var extras = row.Where(p => p.Key is not ("path" or "emotion" or "speaker" or "session" or "id"))
            .ToDictionary(p => p.Key, p => p.Value);
        builder.Add(id, path, emotion, speaker, session, extras);
    }
}
