using TorchSharp;

namespace SerDarts.Runtime;

/// <summary>Chooses the torch device: cuda when available, else cpu; an explicit request wins.</summary>
public static class ComputeDevice
{
    /// <param name="requested">"auto" (or null), "cpu", "cuda" or "cuda:N".</param>
    public static torch.Device Resolve(string? requested = null)
    {
        TorchRuntime.Initialize();
        var name = string.IsNullOrWhiteSpace(requested) ? "auto" : requested.Trim().ToLowerInvariant();
        if (name == "auto") return CudaAvailable() ? torch.CUDA : torch.CPU;
        if (name.StartsWith("cuda", StringComparison.Ordinal) && !CudaAvailable())
            throw new InvalidOperationException($"device '{requested}' was requested but CUDA is not available in this build/host");
        return name switch
        {
            "cpu" => torch.CPU,
            _ when name.StartsWith("cuda", StringComparison.Ordinal) => new torch.Device(name),
            _ => throw new ArgumentException($"unknown device '{requested}': use auto, cpu, cuda or cuda:N"),
        };
    }

    public static bool CudaAvailable()
    {
        TorchRuntime.Initialize();
        try { return torch.cuda.is_available(); }
        catch (Exception) { return false; } // a CPU-only backend has no CUDA entry points to load
    }
}
