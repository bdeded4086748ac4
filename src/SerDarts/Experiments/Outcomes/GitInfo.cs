using System.Diagnostics;

namespace SerDarts.Experiments.Outcomes;

/// <summary>The git commit of the working directory, for provenance ("abc123…", with "-dirty" when there are
/// uncommitted changes); null when git or a repository is not available.</summary>
public static class GitInfo
{
    public static string? TryGetCommit(string? directory = null)
    {
        var folder = directory ?? Environment.CurrentDirectory;
        var commit = Git(folder, "rev-parse HEAD");
        if (commit is null || commit.Length < 7) return null;
        var status = Git(folder, "status --porcelain --untracked-files=no");
        return string.IsNullOrEmpty(status) ? commit : commit + "-dirty";
    }

    private static string? Git(string folder, string arguments)
    {
        try
        {
            var info = new ProcessStartInfo("git", arguments)
            {
                WorkingDirectory = folder,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            using var process = Process.Start(info);
            if (process is null) return null;
            var output = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(10_000)) { process.Kill(entireProcessTree: true); return null; }
            return process.ExitCode == 0 ? output.Result.Trim() : null;
        }
        catch (System.ComponentModel.Win32Exception) { return null; } // git not installed
        catch (IOException) { return null; }
    }
}
