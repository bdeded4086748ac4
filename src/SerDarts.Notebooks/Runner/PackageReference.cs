namespace SerDarts.Notebooks.Runner;

/// <summary>A <c>#r "nuget: Id, Version"</c> request; a null version means the latest stable release.</summary>
public sealed record PackageReference(string Id, string? Version)
{
    /// <summary>The version as a PackageReference attribute: exact, or floating ("*") when none was given.</summary>
    public string VersionRange => string.IsNullOrWhiteSpace(Version) ? "*" : Version.Trim();

    /// <summary>True when the version floats, so a cached restore may be out of date.</summary>
    public bool IsFloating => VersionRange.Contains('*');

    public override string ToString() => Version is null ? Id : $"{Id}, {Version}";
}
