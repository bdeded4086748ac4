using System.Reflection;
using System.Text.Json.Serialization;
using TorchSharp;
using static TorchSharp.torch;

namespace SerDarts.Runtime;

/// <summary>What `serdarts doctor` reports: versions, device, threads, native loading, and a real computation.</summary>
public sealed record DoctorReport(
    [property: JsonPropertyName("serdarts_version")] string SerDartsVersion,
    [property: JsonPropertyName("torchsharp_version")] string TorchSharpVersion,
    [property: JsonPropertyName("libtorch_version")] string LibTorchVersion,
    [property: JsonPropertyName("device")] string Device,
    [property: JsonPropertyName("cuda_available")] bool CudaAvailable,
    [property: JsonPropertyName("threads")] int Threads,
    [property: JsonPropertyName("native_folder")] string NativeFolder,
    [property: JsonPropertyName("libtorchsharp_path")] string LibTorchSharpPath,
    [property: JsonPropertyName("compatibility_patch")] bool CompatibilityPatch,
    [property: JsonPropertyName("weakened_versions")] IReadOnlyList<string> WeakenedVersions,
    [property: JsonPropertyName("openmp_wait_policy")] string OpenMpWaitPolicy,
    [property: JsonPropertyName("reproducibility")] string Reproducibility,
    [property: JsonPropertyName("cpu_capability")] string CpuCapability,
    [property: JsonPropertyName("computation_ok")] bool ComputationOk,
    [property: JsonPropertyName("error")] string? Error)
{
    /// <summary>Loads the backend under <paramref name="reproducibility"/> (<see cref="CpuReproducibility"/>) and runs a
    /// small matmul + conv2d whose result is checked by hand.</summary>
    public static DoctorReport Collect(string reproducibility = CpuReproducibility.Default)
    {
        var version = LibraryInfo.Version;
        var torchSharp = typeof(torch).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
                         ?? typeof(torch).Assembly.GetName().Version?.ToString() ?? "unknown";
        try
        {
            var info = TorchRuntime.Initialize();
            var capability = CpuReproducibility.ApplyAndVerify(reproducibility);
            var device = ComputeDevice.Resolve();
            return new DoctorReport(version, torchSharp.Split('+')[0], LibTorchRelease(), device.ToString(),
                ComputeDevice.CudaAvailable(), torch.get_num_threads(), info.NativeFolder, info.LibTorchSharpPath,
                info.CompatibilityPatchUsed, info.WeakenedVersions, info.OpenMpWaitPolicy, reproducibility, capability, SmokeComputation(device), null);
        }
        catch (Exception e)
        {
            return new DoctorReport(version, torchSharp, "unknown", "none", false, 0, "", "", false, [], "unknown", reproducibility, "unknown", false,
                e.GetBaseException().Message);
        }
    }

    /// <summary>libtorch's release (TorchSharp reports its package version, e.g. 2.10.0.0 for 2.10.0).</summary>
    private static string LibTorchRelease() => string.Join('.', torch.__version__.Split('.').Take(3));

    /// <summary>ones(4,4) @ ones(4,4) = 4 everywhere; a 3x3 all-ones kernel over ones(5,5) = 9 inside.</summary>
    private static bool SmokeComputation(Device device)
    {
        using var scope = NewDisposeScope();
        var product = ones(4, 4, device: device).matmul(ones(4, 4, device: device));
        var conv = nn.functional.conv2d(ones(1, 1, 5, 5, device: device), ones(1, 1, 3, 3, device: device));
        return product.eq(4).all().item<bool>() && conv.eq(9).all().item<bool>() && conv.shape.SequenceEqual([1L, 1, 3, 3]);
    }
}
