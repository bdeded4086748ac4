namespace SerDarts.Runtime;

/// <summary>
/// Where and how a run executes, as opposed to what it computes: never part of an experiment's hash (a trial
/// finished on one device is not repeated on another; the device is recorded in its provenance).
/// </summary>
/// <param name="Device">"auto", "cpu", "cuda" or "cuda:N".</param>
/// <param name="Threads">torch CPU threads of the process (0: TorchSharp's default). Set once per process.</param>
/// <param name="LowMemory">Search with per-edge recomputation and a C heap that returns freed activations:
/// far less memory for about three times the step time (same results up to float summation order); the same as
/// <paramref name="Memory"/> = low.</param>
/// <param name="Memory">Search memory mode: "fast" (every activation kept), "balanced" (every cell up to and
/// including the second reduction recomputes its edges in the backward pass; the cells after it, at a sixteenth of
/// the input's area, keep their activations) or "low" (every
/// edge recomputed, and the low-memory C heap). Same results up to float summation order.</param>
/// <param name="Reproducibility">Which CPU kernels libtorch may use (<see cref="CpuReproducibility"/>): "portable"
/// (AVX2 everywhere: the same bytes on any x86-64 CPU with AVX2) or "native" (the fastest of this CPU).</param>
public sealed record ExecutionSettings(string Device = "auto", int Threads = 0, bool LowMemory = false, string Memory = ExecutionSettings.Fast,
    string Reproducibility = CpuReproducibility.Default)
{
    public const string Fast = "fast";
    public const string Balanced = "balanced";
    public const string Low = "low";

    public static ExecutionSettings Default { get; } = new();

    /// <summary><see cref="Memory"/>, or low when <see cref="LowMemory"/> asks for it.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string MemoryMode => LowMemory ? Low : Memory;

    /// <summary>Every problem, each naming its JSON path under <paramref name="path"/>.</summary>
    public IEnumerable<string> Errors(string path = "execution")
    {
        if (!IsDevice(Device)) yield return $"{path}.device '{Device}' is not auto, cpu, cuda or cuda:N";
        if (Threads < 0) yield return $"{path}.threads must be >= 0 (0: the default)";
        if (!CpuReproducibility.IsMode(Reproducibility))
            yield return $"{path}.reproducibility '{Reproducibility}' is not {CpuReproducibility.Portable} or {CpuReproducibility.Native}";
        if (Memory is not (Fast or Balanced or Low)) yield return $"{path}.memory '{Memory}' is not fast, balanced or low";
    }

    private static bool IsDevice(string? device)
    {
        if (device is "auto" or "cpu" or "cuda") return true;
        return device is not null && device.StartsWith("cuda:", StringComparison.Ordinal)
            && int.TryParse(device.AsSpan(5), out var index) && index >= 0;
    }
}
