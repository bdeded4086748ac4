using System.Reflection;

namespace SerDarts.Runtime;

/// <summary>Identity of this library build, for provenance records.</summary>
public static class LibraryInfo
{
    public static string Version { get; } =
        (typeof(LibraryInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
         ?? "0.0.0").Split('+')[0];
}
