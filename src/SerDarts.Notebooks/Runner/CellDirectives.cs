using System.Text.RegularExpressions;

namespace SerDarts.Notebooks.Runner;

/// <summary>
/// The package directives of a cell, hoisted like the C# kernel does: <c>#r "nuget: Id, Version"</c> and
/// <c>#i "nuget: source"</c> lines are taken out (left as comments so line numbers hold) and restored before
/// the cell compiles. Path <c>#r</c> and <c>#load</c> stay for Roslyn's resolvers. Kernel magic commands
/// (<c>#!csharp</c>, <c>#!time</c>, ...) have no meaning headlessly and are commented out the same way.
/// </summary>
public sealed partial record CellDirectives(
    string Code, IReadOnlyList<PackageReference> Packages, IReadOnlyList<string> Sources)
{
    public static CellDirectives Parse(string source)
    {
        var packages = new List<PackageReference>();
        var sources = new List<string>();
        var lines = source.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            var nuget = NuGetReference().Match(lines[i]);
            var feed = NuGetSource().Match(lines[i]);
            if (lines[i].TrimStart().StartsWith("#!", StringComparison.Ordinal))
            {
                lines[i] = "// (kernel magic command) " + lines[i].TrimEnd('\r');
                continue;
            }
            if (nuget.Success)
                packages.Add(new PackageReference(nuget.Groups["id"].Value.Trim(),
                    nuget.Groups["version"].Success ? nuget.Groups["version"].Value.Trim() : null));
            else if (feed.Success)
                sources.Add(feed.Groups["source"].Value.Trim());
            else
                continue;
            lines[i] = "// (restored before the cell) " + lines[i].TrimEnd('\r');
        }
        return new CellDirectives(string.Join('\n', lines), packages, sources);
    }

    [GeneratedRegex("""^\s*#r\s+"nuget:\s*(?<id>[^,"\s]+)\s*(,\s*(?<version>[^"]*?))?\s*"\s*\r?$""")]
    private static partial Regex NuGetReference();

    [GeneratedRegex("""^\s*#i\s+"nuget:\s*(?<source>[^"]+)"\s*\r?$""")]
    private static partial Regex NuGetSource();
}
