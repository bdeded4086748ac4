using System.Reflection;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using TorchSharp;

namespace SerDarts.Runtime;

/// <summary>
/// Makes TorchSharp's native backend load on every host, tests, the CLI and notebooks alike.
/// TorchSharp 0.107's LibTorchSharp asks for GLIBCXX_3.4.32 (GCC 13), which Debian 12 and Ubuntu 22.04
/// lack. When the host's libstdc++ misses a version, a patched copy (requirement marked weak) is kept in
/// SerDarts' cache and handed to TorchSharp through a DllImport resolver. The NuGet cache is never touched,
/// and on a new enough host the original binary loads unchanged.
/// </summary>
public static class TorchRuntime
{
    // Native loading is process-wide by nature: one load, one resolver per assembly.
    private static readonly Lazy<TorchRuntimeInfo> Loaded = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly string[] LibTorchLoadOrder =
        ["libgomp-98b21ff3.so.1", "libc10.so", "libtorch_cpu.so", "libtorch.so"];

    /// <summary>Loads the native backend once; later calls return the same description.</summary>
    public static TorchRuntimeInfo Initialize() => Loaded.Value;

    private static TorchRuntimeInfo Load()
    {
        if (!OperatingSystem.IsLinux())
            return new TorchRuntimeInfo("", "", false, []); // TorchSharp loads by itself elsewhere.

        var torchAssembly = typeof(torch).Assembly;
        var handles = new Dictionary<string, IntPtr>(StringComparer.Ordinal);
        string nativeFolder = LoadLibTorch(torchAssembly, handles);
        string original = FindLibTorchSharp(torchAssembly, nativeFolder);
        var missing = MissingHostVersions(original);
        string path = missing.Count == 0 ? original : PatchedCopy(original, missing);
        handles["LibTorchSharp"] = NativeLibrary.Load(path);
        NativeLibrary.SetDllImportResolver(torchAssembly, (name, _, _) =>
            handles.TryGetValue(name, out var h) ? h : IntPtr.Zero);
        torch.InitializeDeviceType(DeviceType.CPU);
        return new TorchRuntimeInfo(nativeFolder, path, missing.Count > 0, missing);
    }

    /// <summary>
    /// Loads libtorch from exactly the folder TorchSharp would use: the app's deps.json probing first,
    /// else the libtorch package in the NuGet cache (notebooks). A second copy from another path aborts.
    /// </summary>
    private static string LoadLibTorch(Assembly torchAssembly, Dictionary<string, IntPtr> handles)
    {
        string folder;
        if (NativeLibrary.TryLoad("torch_cpu", torchAssembly, null, out var cpu))
        {
            handles["torch_cpu"] = cpu;
            folder = Path.GetDirectoryName(LoadedPath("libtorch_cpu.so"))!;
        }
        else
        {
            folder = PackageNativeFolder(torchAssembly)
                ?? throw new DllNotFoundException(
                    "SerDarts could not find libtorch: reference TorchSharp-cpu (or TorchSharp-cuda-linux) " +
                    "from the app, or '#r \"nuget: TorchSharp-cpu, 0.107.0\"' in a notebook.");
        }
        // The patched LibTorchSharp copy lives elsewhere, so its $ORIGIN cannot find libtorch: preload the
        // libraries it needs (matched by soname) from the same folder.
        foreach (var lib in LibTorchLoadOrder)
        {
            var file = Path.Combine(folder, lib);
            if (File.Exists(file)) handles[Path.GetFileNameWithoutExtension(lib)[3..]] = NativeLibrary.Load(file);
        }
        if (NativeLibrary.TryLoad("torch_cuda", torchAssembly, null, out var cuda)) handles["torch_cuda"] = cuda;
        return folder;
    }

    /// <summary>The libtorch package folder beside TorchSharp's in the NuGet cache (…/packages/torchsharp/V/lib/TFM).</summary>
    private static string? PackageNativeFolder(Assembly torchAssembly)
    {
        var packages = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(torchAssembly.Location)!, "..", "..", "..", ".."));
        if (!Directory.Exists(packages)) return null;
        return Directory.EnumerateDirectories(packages, "libtorch-*-linux-x64")
            .SelectMany(Directory.EnumerateDirectories)
            .Select(v => Path.Combine(v, "runtimes", "linux-x64", "native"))
            .Where(d => File.Exists(Path.Combine(d, "libtorch_cpu.so")))
            .OrderByDescending(d => d.Contains("cuda", StringComparison.OrdinalIgnoreCase))
            .ThenByDescending(d => d, StringComparer.Ordinal)
            .FirstOrDefault();
    }

    private static string FindLibTorchSharp(Assembly torchAssembly, string nativeFolder)
    {
        var beside = Path.Combine(nativeFolder, "libLibTorchSharp.so");
        if (File.Exists(beside)) return beside;
        var package = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(torchAssembly.Location)!, "..", "..",
            "runtimes", "linux-x64", "native", "libLibTorchSharp.so"));
        if (File.Exists(package)) return package;
        throw new DllNotFoundException($"libLibTorchSharp.so not found beside libtorch ({nativeFolder}) nor at {package}");
    }

    /// <summary>libstdc++ versions the binary requires that the host's libstdc++ does not define.</summary>
    private static IReadOnlyList<string> MissingHostVersions(string libTorchSharp)
    {
        NativeLibrary.Load("libstdc++.so.6"); // normally mapped already (the runtime links it)
        string hostStdCxx = LoadedPath("libstdc++.so.6")
            ?? throw new DllNotFoundException("libstdc++.so.6 is loaded but not visible in /proc/self/maps");
        var hostBytes = File.ReadAllBytes(hostStdCxx);
        return ElfVersionPatcher.ReadVersionNeeds(File.ReadAllBytes(libTorchSharp))
            .Where(n => n.File == "libstdc++.so.6" && (n.Flags & 0x2) == 0)
            .Select(n => n.Name)
            .Where(name => hostBytes.AsSpan().IndexOf(System.Text.Encoding.ASCII.GetBytes(name + "\0")) < 0)
            .Distinct()
            .ToList();
    }

    /// <summary>A patched copy, keyed by the original's hash, written atomically into SerDarts' cache.</summary>
    private static string PatchedCopy(string original, IReadOnlyList<string> weaken)
    {
        var bytes = File.ReadAllBytes(original);
        var key = Convert.ToHexString(SHA256.HashData(bytes))[..16].ToLowerInvariant();
        var folder = Path.Combine(CacheFolders.Root(), "native", key);
        var target = Path.Combine(folder, "libLibTorchSharp.so");
        if (File.Exists(target)) return target;
        Directory.CreateDirectory(folder);
        AtomicFile.WriteAllBytes(target, ElfVersionPatcher.MarkWeak(bytes, weaken));
        return target;
    }

    /// <summary>
    /// Path of a library already mapped into this process (from /proc/self/maps), or null. Matches the
    /// name or a versioned file behind it (libstdc++.so.6 is mapped as libstdc++.so.6.0.30).
    /// </summary>
    private static string? LoadedPath(string fileName)
    {
        foreach (var line in File.ReadLines("/proc/self/maps"))
        {
            int slash = line.IndexOf('/');
            if (slash < 0) continue;
            var name = Path.GetFileName(line[slash..]);
            if (name == fileName || name.StartsWith(fileName + ".", StringComparison.Ordinal)) return line[slash..];
        }
        return null;
    }
}
