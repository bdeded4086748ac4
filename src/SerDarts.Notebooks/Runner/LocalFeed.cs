using System.Diagnostics;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace SerDarts.NotebookHost.Runner;

/// <summary>
/// The local NuGet feed a notebook restores SerDarts from (notebooks/NuGet.config names ../artifacts/feed). A fresh
/// clone has none until <c>dotnet pack src/SerDarts</c> ran, and the kernel then fails at the setup cell with NuGet's
/// "NU1301: the local source ... doesn't exist", which does not say what to run. Before a run, the feed is checked
/// for the SerDarts version the notebook asks for; when it lacks it and the checkout that owns the feed is found,
/// the library is packed into it, else the error names the command.
/// </summary>
public static partial class LocalFeed
{
    /// <summary>Where the feed of <paramref name="notebookPath"/> lacks its SerDarts package, packs it (or throws saying what to run).</summary>
    /// <param name="log">Told what is being done (packing takes a minute).</param>
    /// <exception cref="IOException">The feed is missing the package and cannot be packed here.</exception>
    public static void EnsurePacked(string notebookPath, Action<string>? log = null)
    {
        var notebook = Path.GetFullPath(notebookPath);
        if (RequestedVersion(File.ReadAllText(notebook)) is not { } version) return; // the notebook does not use SerDarts from a feed
        foreach (var feed in LocalSources(Path.GetDirectoryName(notebook)!))
        {
            var package = Path.Combine(feed, $"SerDarts.{version}.nupkg");
            if (File.Exists(package)) continue;
            var project = ProjectFor(feed)
                ?? throw new IOException($"{feed} (the local feed of {notebook}'s NuGet.config) has no SerDarts.{version}.nupkg, " +
                                         "and no src/SerDarts/SerDarts.csproj beside it to pack: run `dotnet pack src/SerDarts -c Release` in the SerDarts checkout");
            log?.Invoke($"{feed} has no SerDarts.{version}.nupkg: packing it (dotnet pack {project} -c Release)");
            Pack(project, feed, version);
        }
    }

    /// <summary>The version in <c>#r "nuget: SerDarts, X"</c>, or null when the notebook has no such line.</summary>
    internal static string? RequestedVersion(string notebookJson) =>
        SerDartsReference().Match(notebookJson) is { Success: true } m ? m.Groups[1].Value : null;

    /// <summary>The local folder sources of the NuGet.config nearest <paramref name="folder"/> (absolute paths).</summary>
    internal static IReadOnlyList<string> LocalSources(string folder)
    {
        for (var dir = new DirectoryInfo(folder); dir is not null; dir = dir.Parent)
        {
            var config = dir.GetFiles().FirstOrDefault(f => f.Name.Equals("nuget.config", StringComparison.OrdinalIgnoreCase));
            if (config is null) continue;
            return XDocument.Load(config.FullName).Descendants("packageSources").Elements("add")
                .Select(e => (string?)e.Attribute("value"))
                .Where(v => v is not null && !v.Contains("://", StringComparison.Ordinal))
                .Select(v => Path.GetFullPath(Path.Combine(dir.FullName, v!)))
                .ToList();
        }
        return [];
    }

    /// <summary>The library project of the checkout whose artifacts/feed is <paramref name="feed"/>.</summary>
    private static string? ProjectFor(string feed)
    {
        var root = Path.GetDirectoryName(Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(feed)));
        var project = root is null ? null : Path.Combine(root, "src", "SerDarts", "SerDarts.csproj");
        return project is not null && File.Exists(project) ? project : null;
    }

    private static void Pack(string project, string feed, string version)
    {
        var info = new ProcessStartInfo("dotnet", ["pack", project, "-c", "Release", "--nologo", "-v", "q"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(info) ?? throw new IOException("could not start `dotnet pack`");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0 || !File.Exists(Path.Combine(feed, $"SerDarts.{version}.nupkg")))
            throw new IOException($"`dotnet pack {project} -c Release` did not produce SerDarts.{version}.nupkg in {feed} " +
                                  $"(exit {process.ExitCode}): {LastLines(stdout + stderr.Result)}");
    }

    private static string LastLines(string text) =>
        string.Join(" | ", text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).TakeLast(3));

    [GeneratedRegex("""#r \\?"nuget:\s*SerDarts\s*,\s*([0-9][^\\"\s]*)""")]
    private static partial Regex SerDartsReference();
}
