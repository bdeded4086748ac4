using System.Security.Cryptography;
using System.Text;

namespace SerDarts.Corpora;

/// <summary>
/// A stable fingerprint of a corpus for provenance: SHA-256 (lower-case hex) over one line per utterance,
/// "id TAB emotion TAB speaker TAB file size in bytes LF", sorted by id (ordinal). Paths and durations are left
/// out so that the same corpus copied elsewhere hashes the same; a missing file counts as size -1.
/// </summary>
public static class ManifestHash
{
    public static string Compute(IEnumerable<Utterance> utterances)
    {
        var text = new StringBuilder();
        foreach (var u in utterances.OrderBy(u => u.Id, StringComparer.Ordinal))
            text.Append(u.Id).Append('\t').Append(u.Emotion).Append('\t').Append(u.Speaker).Append('\t')
                .Append(SizeOf(u.Path)).Append('\n');
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()))).ToLowerInvariant();
    }

    private static long SizeOf(string path)
    {
        var file = new FileInfo(path);
        return file.Exists ? file.Length : -1;
    }
}
