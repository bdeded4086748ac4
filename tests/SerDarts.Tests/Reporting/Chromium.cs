using System.Diagnostics;

namespace SerDarts.Tests.Reporting;

/// <summary>Headless Chromium (Debian's chromium package), isolated: a fresh profile, no network services.</summary>
internal static class Chromium
{
    public static string? Find() =>
        new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome" }.FirstOrDefault(File.Exists);

    /// <summary>Loads a local file and returns the DOM after scripts ran (virtual time lets promises settle).</summary>
    public static string DumpDom(string htmlPath, TimeSpan timeout)
    {
        var profile = Directory.CreateTempSubdirectory("serdarts-chromium-").FullName;
        try
        {
            var info = new ProcessStartInfo(Find() ?? throw new InvalidOperationException("chromium is not installed"))
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[]
                     {
                         "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                         "--disable-background-networking", "--disable-component-update", "--disable-sync",
                         $"--user-data-dir={profile}", "--virtual-time-budget=15000", "--dump-dom", new Uri(htmlPath).AbsoluteUri,
                     })
                info.ArgumentList.Add(argument);
            using var process = Process.Start(info)!;
            var dom = process.StandardOutput.ReadToEndAsync();
            var log = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"chromium did not finish in {timeout}: {log.Result}");
            }
            return dom.Result;
        }
        finally
        {
            try { Directory.Delete(profile, recursive: true); } catch (IOException) { }
        }
    }
}

/// <summary>A fact that is skipped, with the reason, where chromium is not installed.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (Chromium.Find() is null)
            Skip = "chromium is not installed: `apt-get install chromium` (.ci/install-deps installs it) to check reports in a browser";
    }
}
