using System.Diagnostics;

namespace SerDarts.Tests.Reliability;

/// <summary>A small tmpfs mounted for one test (read-only, or of a few kilobytes to fill): real EROFS and ENOSPC
/// errors. Needs root and the mount command; tests that use it skip with the reason otherwise.</summary>
internal sealed class Tmpfs : IDisposable
{
    private Tmpfs(string path) => Path = path;

    public string Path { get; }

    public static Tmpfs Mount(int kilobytes, bool readOnly = false)
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"serdarts-tmpfs-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        var options = $"size={kilobytes}k{(readOnly ? ",ro" : "")}";
        if (Run("mount", "-t", "tmpfs", "-o", options, "tmpfs", path) != 0)
            throw new InvalidOperationException($"cannot mount a tmpfs at {path} ({Reason})");
        return new Tmpfs(path);
    }

    /// <summary>Why tmpfs tests cannot run here, or null when they can.</summary>
    public static string? Reason => Environment.UserName != "root" || !File.Exists("/bin/mount")
        ? "mounting a tmpfs needs root and /bin/mount (CI runs as root)" : null;

    public void Dispose()
    {
        Run("umount", "-l", Path);
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { }
    }

    private static int Run(string file, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        process.WaitForExit();
        return process.ExitCode;
    }
}

/// <summary>A fact that mounts a tmpfs: skipped with the reason when this user cannot.</summary>
public sealed class TmpfsFactAttribute : FactAttribute
{
    public TmpfsFactAttribute() => Skip = Tmpfs.Reason!;
}
