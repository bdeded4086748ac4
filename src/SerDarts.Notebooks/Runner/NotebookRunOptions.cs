namespace SerDarts.NotebookHost.Runner;

/// <summary>How a notebook runs headlessly.</summary>
public sealed record NotebookRunOptions
{
    /// <summary>Overrides for the parameters cell, in order (name, value as written on the command line).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Parameters { get; init; } = [];

    /// <summary>Receives warnings, such as an override without a default.</summary>
    public Action<string>? Log { get; init; }

    /// <summary>Parses <c>name=value</c> pairs (split at the first '=').</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> ParseParameters(IEnumerable<string> pairs) => pairs
        .Select(p => p.IndexOf('=') is var eq && eq > 0
            ? KeyValuePair.Create(p[..eq].Trim(), p[(eq + 1)..])
            : throw new FormatException($"parameter '{p}' is not name=value"))
        .ToList();
}
