using System.Reflection;

namespace SerDarts.Reporting;

/// <summary>
/// The plotly.js that Plotly.NET 6 targets (2.28.0), embedded in SerDarts at build time from Plotly.NET's own
/// resource (PlotlyJs.targets), so that reports carry the script and open without internet access, and notebooks
/// load the same version from the CDN.
/// </summary>
public static class PlotlyJs
{
    private const string Prefix = "SerDarts.Reporting.plotly-", Suffix = ".min.js";

    private static readonly Lazy<(string Version, string Source, string License)> Script = new(Load);

    /// <summary>The plotly.js version ("2.28.0").</summary>
    public static string Version => Script.Value.Version;

    /// <summary>The minified plotly.js source.</summary>
    public static string Source => Script.Value.Source;

    /// <summary>The third-party license notices that plotly.min.js refers to.</summary>
    public static string LicenseNotices => Script.Value.License;

    /// <summary>An inline &lt;script&gt; element carrying plotly.js and its license notices.</summary>
    public static string InlineScriptElement() =>
        "<script>/* plotly.js " + Version + " (MIT), embedded so that this page works offline. Bundled notices:\n"
        + LicenseNotices.Replace("*/", "* /", StringComparison.Ordinal) + "\n*/\n"
        + Source.Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase) + "\n</script>";

    private static (string, string, string) Load()
    {
        var assembly = typeof(PlotlyJs).Assembly;
        var name = assembly.GetManifestResourceNames().FirstOrDefault(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(Suffix, StringComparison.Ordinal))
                   ?? throw new InvalidOperationException("SerDarts was built without its plotly.js resource (PlotlyJs.targets); offline reports need one");
        var version = name[Prefix.Length..^Suffix.Length];
        return (version, ReadResource(assembly, name), TryReadResource(assembly, name + ".LICENSE.txt") ?? "");
    }

    private static string ReadResource(Assembly assembly, string name) =>
        TryReadResource(assembly, name) ?? throw new InvalidOperationException($"resource '{name}' is missing from {assembly.GetName().Name}");

    private static string? TryReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name);
        if (stream is null) return null;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
