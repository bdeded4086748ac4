namespace SerDarts.Corpora;

/// <summary>What a corpus' file-naming convention says about one file.</summary>
internal sealed record NamedFile(string Emotion, string Speaker, IReadOnlyDictionary<string, string> Extras);

/// <summary>
/// The shared scan of corpora labelled by file name (RAVDESS, CREMA-D, EmoDB): every .wav under the root,
/// parsed by the corpus' naming rule; a name that does not follow it is reported with the rule's reason.
/// These corpora have no sessions, so each speaker is its own session.
/// </summary>
internal static class FileNameScan
{
    /// <summary>Parses a file name without extension into a label, or returns the reason it cannot.</summary>
    public delegate NamedFile? Parser(string stem, out string reason);

    public static CorpusScan Run(string root, string dataset, string? conventionalFolder, Parser parse, IProgress<int>? progress)
    {
        ScanBuilder.RequireFolder(root, dataset);
        // Accept both the corpus root and the audio folder itself (e.g. CREMA-D's AudioWAV).
        var folder = conventionalFolder is not null && Directory.Exists(Path.Combine(root, conventionalFolder))
            ? Path.Combine(root, conventionalFolder)
            : root;
        var builder = new ScanBuilder(progress);
        foreach (var wav in ScanBuilder.WavFiles(folder))
        {
            var stem = Path.GetFileNameWithoutExtension(wav);
            var named = parse(stem, out var reason);
            if (named is null)
                builder.Reject(wav, reason);
            else
                builder.Add(stem, wav, named.Emotion, named.Speaker, named.Speaker, named.Extras);
        }
        return builder.Build();
    }
}
