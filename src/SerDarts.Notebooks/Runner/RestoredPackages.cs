namespace SerDarts.Notebooks.Runner;

/// <summary>The assets of a restored package set (absolute paths in the global packages folder).</summary>
/// <param name="CompileAssemblies">Assemblies scripts compile against.</param>
/// <param name="RuntimeAssemblies">Assemblies loaded when scripts run (RID-specific ones preferred).</param>
/// <param name="NativeLibraries">Native libraries for this platform (runtimes/RID/native).</param>
public sealed record RestoredPackages(
    IReadOnlyList<string> CompileAssemblies,
    IReadOnlyList<string> RuntimeAssemblies,
    IReadOnlyList<string> NativeLibraries)
{
    public static RestoredPackages Empty { get; } = new([], [], []);
}
