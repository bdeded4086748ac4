using System.Text.RegularExpressions;

namespace SerDarts.NotebookHost.Apps;

/// <summary>
/// A kernel-only line of a cell (<c>#r</c>, <c>#i</c>, <c>#load</c>, <c>#!magic</c>) and what a file-based app makes
/// of it: a package (<c>#r "nuget: X, V"</c>), nothing (<c>#!csharp</c> only picks the kernel the cell already
/// runs in), or a refusal saying why (<see cref="Refusal"/>).
/// </summary>
public sealed partial record KernelDirective(string Line, string? Package, string? Version, string? Refusal)
{
    /// <summary>The directive on <paramref name="line"/>, or null when the line is C#.</summary>
    public static KernelDirective? Parse(string line)
    {
        var text = line.Trim();
        if (text.StartsWith("#!", StringComparison.Ordinal))
            return text is "#!csharp" or "#!c#" or "#!C#"
                ? new KernelDirective(text, null, null, null)
                : new KernelDirective(text, null, null, $"the magic command {text.Split(' ')[0]} exists only in the .NET Interactive kernel");
        if (!DirectiveLine().IsMatch(text)) return null;
        if (text.StartsWith("#i", StringComparison.Ordinal))
            return new KernelDirective(text, null, null,
                $"{text} adds a package source, which a file-based app takes from a NuGet.config beside it (or above it)");
        if (text.StartsWith("#load", StringComparison.Ordinal))
            return new KernelDirective(text, null, null, $"{text} loads a script, which a file-based app cannot; move its code into a cell or the library");
        if (NugetReference().Match(text) is not { Success: true } nuget)
            return new KernelDirective(text, null, null,
                $"{text} references an assembly file; a file-based app references projects (#:project) and packages (#:package) only");
        var version = nuget.Groups["version"].Value.Trim();
        return version.Length == 0
            ? new KernelDirective(text, nuget.Groups["name"].Value, null, $"{text} names no version, which #:package needs (e.g. #r \"nuget: {nuget.Groups["name"].Value}, 1.2.3\")")
            : new KernelDirective(text, nuget.Groups["name"].Value, version, null);
    }

    [GeneratedRegex(@"^#(r|i|load)\s+""")]
    private static partial Regex DirectiveLine();

    [GeneratedRegex(@"^#r\s+""nuget:\s*(?<name>[A-Za-z0-9_.-]+)\s*(,\s*(?<version>[^""]*))?""\s*$")]
    private static partial Regex NugetReference();
}
