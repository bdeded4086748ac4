namespace SerDarts.Runtime;

/// <summary>Where SerDarts keeps machine-local caches (patched native libraries, features).</summary>
public static class CacheFolders
{
    /// <summary>$SERDARTS_CACHE, else $XDG_CACHE_HOME/serdarts, else ~/.cache/serdarts.</summary>
    public static string Root()
    {
        var explicitRoot = Environment.GetEnvironmentVariable("SERDARTS_CACHE");
        if (!string.IsNullOrEmpty(explicitRoot)) return explicitRoot;
        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        var baseDir = !string.IsNullOrEmpty(xdg)
            ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        return Path.Combine(baseDir, "serdarts");
    }
}
