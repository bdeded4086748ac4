using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Loader;

namespace SerDarts.Notebooks.Runner;

/// <summary>
/// Keeps one copy of every assembly scripts use. An assembly the host already has (its own SerDarts,
/// TorchSharp, FSharp.Core, Plotly.NET ...) is compiled against and run from the host's copy; package
/// assemblies the host lacks load into the default context on first use, and their native libraries
/// resolve from the package folders. Roslyn's script loader asks the default context first, so scripts,
/// packages and the runner's formatters all see the same types.
/// </summary>
public sealed class HostAssemblies : IDisposable
{
    private readonly ConcurrentDictionary<string, string> _packageAssemblies = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, string> _nativeLibraries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _hostAssemblies;

    public HostAssemblies()
    {
        _hostAssemblies = TrustedPlatformAssemblies()
            .GroupBy(p => Path.GetFileNameWithoutExtension(p), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        AssemblyLoadContext.Default.Resolving += OnResolving;
        AssemblyLoadContext.Default.ResolvingUnmanagedDll += OnResolvingUnmanagedDll;
    }

    /// <summary>The shared framework's assemblies: what a kernel cell can use without any #r.</summary>
    public IEnumerable<string> FrameworkAssemblies()
    {
        var frameworkDir = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        return _hostAssemblies.Values.Where(p => Path.GetDirectoryName(p) == frameworkDir);
    }

    /// <summary>
    /// Registers restored packages; returns the paths scripts should compile against (the host's copy
    /// where the host has the assembly at the same or a newer version).
    /// </summary>
    public IReadOnlyList<string> Add(RestoredPackages packages)
    {
        foreach (var path in packages.RuntimeAssemblies)
            if (!_hostAssemblies.ContainsKey(Path.GetFileNameWithoutExtension(path)))
                _packageAssemblies.TryAdd(Path.GetFileNameWithoutExtension(path), path);
        foreach (var path in packages.NativeLibraries)
            _nativeLibraries.TryAdd(Path.GetFileName(path), path);
        return packages.CompileAssemblies.Select(HostCopyOr).Distinct(StringComparer.Ordinal).ToList();
    }

    public void Dispose()
    {
        AssemblyLoadContext.Default.Resolving -= OnResolving;
        AssemblyLoadContext.Default.ResolvingUnmanagedDll -= OnResolvingUnmanagedDll;
    }

    private string HostCopyOr(string compilePath)
    {
        if (!_hostAssemblies.TryGetValue(Path.GetFileNameWithoutExtension(compilePath), out var host)) return compilePath;
        var hostVersion = AssemblyName.GetAssemblyName(host).Version;
        var packageVersion = AssemblyName.GetAssemblyName(compilePath).Version;
        return hostVersion >= packageVersion ? host : compilePath;
    }

    private Assembly? OnResolving(AssemblyLoadContext context, AssemblyName name) =>
        name.Name is not null && _packageAssemblies.TryGetValue(name.Name, out var path)
            ? context.LoadFromAssemblyPath(path)
            : null;

    private IntPtr OnResolvingUnmanagedDll(Assembly requester, string name)
    {
        foreach (var candidate in new[] { name, $"lib{name}.so", $"{name}.so", $"lib{name}.dylib", $"{name}.dll" })
            if (_nativeLibraries.TryGetValue(candidate, out var path) && NativeLibrary.TryLoad(path, out var handle))
                return handle;
        return IntPtr.Zero;
    }

    private static IEnumerable<string> TrustedPlatformAssemblies() =>
        (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? "")
        .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
}
