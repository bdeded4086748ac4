using System.Reflection;

namespace SerDarts.Runtime;

/// <summary>
/// Where libtorch lives for a TorchSharp assembly that has no deps.json probing (notebook kernels load TorchSharp
/// straight from the NuGet cache): the libtorch package of exactly the version that TorchSharp was built for, as
/// TorchSharp's own interactive loader picks it. A NuGet cache may hold several libtorch versions, and libtorch of
/// another version loads but lacks symbols LibTorchSharp needs (undefined symbol: _ZNK3c105Error4whatEv).
/// </summary>
internal static class LibTorchLocator
{
    /// <summary>The libtorch version TorchSharp was built for ("2.10.0"), read from its private constant without
    /// running torch's type initializer; null when TorchSharp no longer has that constant.</summary>
    public static string? ExpectedVersion(Type torchType) =>
        torchType.GetField("libtorchPackageVersion", BindingFlags.NonPublic | BindingFlags.Static)?.GetRawConstantValue() is string v
            ? NormalizeVersion(v)
            : null;

    /// <summary>A NuGet version as its folder is named: "2.10.0.0" becomes "2.10.0"; a fourth part other than 0 stays.</summary>
    public static string NormalizeVersion(string version)
    {
        var parts = version.Split('-', 2);
        var numbers = parts[0].Split('.');
        var kept = numbers.Length == 4 && numbers[3] == "0" ? numbers[..3] : numbers;
        return string.Join('.', kept) + (parts.Length > 1 ? "-" + parts[1] : "");
    }

    /// <summary>The NuGet packages folder that holds a package assembly (…/packages/id/version/lib/tfm/x.dll), or null.</summary>
    public static string? PackagesRootOf(string assemblyPath)
    {
        var lib = Path.GetDirectoryName(Path.GetDirectoryName(assemblyPath));
        if (lib is null || Path.GetFileName(lib) != "lib") return null;
        return Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(lib)));
    }

    /// <summary>
    /// runtimes/linux-x64/native of the libtorch package (libtorch-*-linux-x64) at <paramref name="version"/> under
    /// <paramref name="packagesRoot"/>, a CUDA build before the CPU one; null when none is restored there.
    /// </summary>
    public static string? PackageNativeFolder(string packagesRoot, string? version)
    {
        if (!Directory.Exists(packagesRoot)) return null;
        return Directory.EnumerateDirectories(packagesRoot, "libtorch-*-linux-x64")
            .SelectMany(package => version is null
                ? Directory.EnumerateDirectories(package).OrderByDescending(v => ParsedOrZero(Path.GetFileName(v)))
                : (IEnumerable<string>)[Path.Combine(package, version)])
            .Select(v => Path.Combine(v, "runtimes", "linux-x64", "native"))
            .Where(d => File.Exists(Path.Combine(d, "libtorch_cpu.so")))
            .OrderByDescending(d => d.Contains("cuda", StringComparison.OrdinalIgnoreCase))
            .FirstOrDefault();
    }

    private static Version ParsedOrZero(string folder) =>
        Version.TryParse(folder.Split('-')[0], out var v) ? v : new Version(0, 0);
}
