using SerDarts.Audio;

namespace SerDarts.Corpora;

/// <summary>
/// Collects a scan: reads each file's WAV header for its duration (an unreadable file becomes a skipped
/// entry with the reader's reason), counts labels outside the 4-class set, reports progress, sorts the result.
/// </summary>
internal sealed class ScanBuilder(IProgress<int>? progress)
{
    private readonly List<Utterance> _utterances = [];
    private readonly List<SkippedFile> _skipped = [];
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private int _examined;

    /// <summary>Adds a labelled file; returns false (and records why) when its audio cannot be read.</summary>
    public bool Add(string id, string path, string emotion, string speaker, string session, IReadOnlyDictionary<string, string> extras)
    {
        Examined();
        if (!_ids.Add(id))
            return Skip(path, $"duplicate utterance id '{id}'");
        double duration;
        try
        {
            duration = WavReader.ReadInfo(path).DurationSeconds;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _ids.Remove(id);
            return Skip(path, e is AudioFormatException a ? a.Problem : e.Message);
        }
        _utterances.Add(new Utterance(id, Path.GetFullPath(path), emotion, speaker, session, duration, extras));
        return true;
    }

    /// <summary>Records a file that cannot be used, counting it as examined.</summary>
    public bool Reject(string path, string reason)
    {
        Examined();
        return Skip(path, reason);
    }

    /// <summary>Records a problem that is not an examined audio file (a label without audio, a bad line).</summary>
    public bool Skip(string path, string reason)
    {
        _skipped.Add(new SkippedFile(Path.GetFullPath(path), reason));
        return false;
    }

    public CorpusScan Build()
    {
        var utterances = _utterances.OrderBy(u => u.Id, StringComparer.Ordinal).ToList();
        var skipped = _skipped.OrderBy(s => s.Path, StringComparer.Ordinal).ThenBy(s => s.Reason, StringComparer.Ordinal).ToList();
        var dropped = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var u in utterances.Where(u => !EmotionClasses.IsFourClass(u.Emotion)))
            dropped[u.Emotion] = dropped.GetValueOrDefault(u.Emotion) + 1;
        return new CorpusScan(utterances, skipped, dropped);
    }

    private void Examined() => progress?.Report(++_examined);

    /// <summary>Audio files under a folder, recursively, in ordinal order (".wav" in any case).</summary>
    public static IEnumerable<string> WavFiles(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".wav", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal);

    /// <summary>Throws a clear error when a corpus root does not exist.</summary>
    public static void RequireFolder(string root, string dataset)
    {
        if (!Directory.Exists(root))
            throw new DirectoryNotFoundException($"{root}: no such folder (the {dataset} corpus root)");
    }
}
