using System.Reflection;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using TorchSharp;

namespace SerDarts.Runtime;

/// <summary>
/// Makes TorchSharp's native backend load on every host, tests, the CLI and notebook kernels alike.
/// TorchSharp 0.107's LibTorchSharp asks for GLIBCXX_3.4.32 (GCC 13), which Debian 12 and Ubuntu 22.04
/// lack. When the host's libstdc++ misses a version, a patched copy (requirement marked weak) is kept in
/// SerDarts' cache and handed to TorchSharp through a DllImport resolver. The NuGet cache is never touched,
/// and on a new enough host the original binary loads unchanged. This must happen before TorchSharp's own
/// loader runs (the first use of <c>torch</c>): its failure is cached by the runtime for the process.
/// </summary>
public static class TorchRuntime
{
    // Native loading is process-wide by nature: one load, one resolver per assembly.
    private static readonly object Gate = new();
    private static TorchRuntimeInfo? _loaded;
    private static Dictionary<string, IntPtr>? _handles;

    private static readonly string[] LibTorchLoadOrder =
        ["libgomp-98b21ff3.so.1", "libc10.so", "libtorch_cpu.so", "libtorch.so"];

    /// <summary>
    /// Loads the native backend once; later calls return the same description. A failure is not kept: the next
    /// call tries again (a notebook may reference TorchSharp-cpu in a later cell).
    /// </summary>
    /// <exception cref="TorchRuntimeException">Loading failed; the message says why in one sentence.</exception>
    public static TorchRuntimeInfo Initialize()
    {
        lock (Gate)
        {
            if (_loaded is not null) return _loaded;
            try { return _loaded = Load(); }
            catch (Exception e) when (e is not TorchRuntimeException)
            {
                throw new TorchRuntimeException(Reason(e), e);
            }
        }
    }

    private static TorchRuntimeInfo Load()
    {
        if (!OperatingSystem.IsLinux())
            return new TorchRuntimeInfo("", "", false, []); // TorchSharp loads by itself elsewhere.

        var waitPolicy = OpenMpPolicy.Apply(); // before libgomp loads with libtorch: it reads the policy then
        CpuReproducibility.Apply(CpuReproducibility.Default); // the default for hosts that never call ProcessSetup
        var torchAssembly = typeof(torch).Assembly;
        var handles = _handles ??= new Dictionary<string, IntPtr>(StringComparer.Ordinal);
        string nativeFolder = LoadLibTorch(torchAssembly, handles);
        string original = FindLibTorchSharp(torchAssembly, nativeFolder);
        var missing = MissingHostVersions(original);
        string path = missing.Count == 0 ? original : PatchedCopy(original, missing);
        handles["LibTorchSharp"] = NativeLibrary.Load(path);
        NativeLibrary.SetDllImportResolver(torchAssembly, (name, _, _) =>
            handles.TryGetValue(name, out var h) ? h : IntPtr.Zero);
        torch.InitializeDeviceType(DeviceType.CPU);
        return new TorchRuntimeInfo(nativeFolder, path, missing.Count > 0, missing) { OpenMpWaitPolicy = waitPolicy };
    }

    /// <summary>
    /// Loads libtorch from exactly one folder: the one a libtorch already in this process came from, else the
    /// app's deps.json probing, else the libtorch package of TorchSharp's version in the NuGet cache (notebooks).
    /// libtorch_cpu has no protection against a second copy from another path.
    /// </summary>
    private static string LoadLibTorch(Assembly torchAssembly, Dictionary<string, IntPtr> handles)
    {
        string? folder = LoadedFolder("libtorch_cpu.so");
        if (folder is null && NativeLibrary.TryLoad("torch_cpu", torchAssembly, null, out var cpu))
        {
            handles["torch_cpu"] = cpu;
            folder = LoadedFolder("libtorch_cpu.so");
        }
        folder ??= NuGetCacheFolder(torchAssembly);
        // The patched LibTorchSharp copy lives elsewhere, so its $ORIGIN cannot find libtorch: preload the
        // libraries it needs (matched by soname) from the same folder.
        foreach (var lib in LibTorchLoadOrder)
        {
            var file = Path.Combine(folder, lib);
            if (File.Exists(file)) handles[Path.GetFileNameWithoutExtension(lib)[3..]] = NativeLibrary.Load(file);
        }
        if (LoadedFolder("libc10.so") is { } c10 && c10 != folder)
            throw new TorchRuntimeException($"libtorch is loaded twice, from {c10} and from {folder}; restart the process");
        if (NativeLibrary.TryLoad("torch_cuda", torchAssembly, null, out var cuda)) handles["torch_cuda"] = cuda;
        return folder;
    }

    private static string NuGetCacheFolder(Assembly torchAssembly)
    {
        var version = LibTorchLocator.ExpectedVersion(typeof(torch));
        var packages = LibTorchLocator.PackagesRootOf(torchAssembly.Location);
        return (packages is null ? null : LibTorchLocator.PackageNativeFolder(packages, version))
            ?? throw new TorchRuntimeException(
                $"libtorch {version} (the version TorchSharp {torchAssembly.GetName().Version?.ToString(3)} needs) is neither beside the app " +
                $"nor in the NuGet cache{(packages is null ? "" : " " + packages)}: reference TorchSharp-cpu from the app, " +
                $"or add #r \"nuget: TorchSharp-cpu, {torchAssembly.GetName().Version?.ToString(3)}\" to the notebook's first cell");
    }

    private static string FindLibTorchSharp(Assembly torchAssembly, string nativeFolder)
    {
        var beside = Path.Combine(nativeFolder, "libLibTorchSharp.so");
        if (File.Exists(beside)) return beside;
        var package = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(torchAssembly.Location)!, "..", "..",
            "runtimes", "linux-x64", "native", "libLibTorchSharp.so"));
        if (File.Exists(package)) return package;
        throw new TorchRuntimeException($"libLibTorchSharp.so is neither beside libtorch ({nativeFolder}) nor at {package}");
    }

    /// <summary>libstdc++ versions the binary requires that the host's libstdc++ does not define.</summary>
    private static IReadOnlyList<string> MissingHostVersions(string libTorchSharp)
    {
        NativeLibrary.Load("libstdc++.so.6"); // normally mapped already (the runtime links it)
        string hostStdCxx = LoadedPath("libstdc++.so.6")
            ?? throw new TorchRuntimeException("libstdc++.so.6 is loaded but not visible in /proc/self/maps");
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

    /// <summary>The address of <paramref name="symbol"/> in a libtorch library SerDarts loaded ("torch_cpu"), or null.</summary>
    internal static IntPtr? Export(string library, string symbol)
    {
        Initialize();
        lock (Gate)
        {
            if (_handles is null || !_handles.TryGetValue(library, out var handle)) return null;
            return NativeLibrary.TryGetExport(handle, symbol, out var address) ? address : null;
        }
    }

    /// <summary>One sentence for what went wrong; TorchSharp's own failure is several paragraphs long.</summary>
    private static string Reason(Exception e) => e switch
    {
        TypeInitializationException { TypeName: "TorchSharp.torch" } =>
            "TorchSharp's own loader already ran in this process and failed (torch was used before SerDarts was loaded); " +
            "restart the process (the kernel) and reference SerDarts before the first use of torch",
        _ => e.Message.Split('\n')[0].Trim(),
    };

    private static string? LoadedFolder(string fileName) => LoadedPath(fileName) is { } p ? Path.GetDirectoryName(p) : null;

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
