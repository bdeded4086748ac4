namespace SerDarts.Corpora;

/// <summary>
/// Resolves paths named by untrusted input (manifest rows, label files) against a corpus root: the result must
/// stay under the root after normalisation ("..", absolute paths). Symbolic links inside the root are trusted:
/// whoever laid out the corpus put them there, whereas label files may come from anywhere.
/// </summary>
internal static class CorpusPath
{
    /// <summary>The full path of <paramref name="relative"/> under <paramref name="root"/>, or null with the reason.</summary>
    public static string? Resolve(string root, string relative, out string? problem)
    {
        problem = null;
        string full;
        try
        {
            full = Path.GetFullPath(Path.Combine(Path.GetFullPath(root), relative));
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            problem = $"path {UntrustedText.Quote(relative)} is not a valid path ({e.Message})";
            return null;
        }
        if (!IsUnder(root, full))
        {
            problem = $"path {UntrustedText.Quote(relative)} resolves outside the corpus root {Path.GetFullPath(root)}";
            return null;
        }
        return full;
    }

    /// <summary>True when <paramref name="path"/> (normalised) lies inside <paramref name="root"/>.</summary>
    public static bool IsUnder(string root, string path)
    {
        var folder = Path.GetFullPath(root);
        if (!Path.EndsInDirectorySeparator(folder)) folder += Path.DirectorySeparatorChar;
        return Path.GetFullPath(path).StartsWith(folder, StringComparison.Ordinal);
    }
}
