using TorchSharp;

namespace SerDarts.Runtime;

/// <summary>
/// Process-wide settings, applied once by an entry point (a CLI verb, a worker, a notebook session) before any
/// trial runs: which CPU kernels libtorch may choose, torch's CPU thread count and, for low-memory searches, the
/// C heap policy. Trials never change them, so trials that must run side by side run as separate processes.
/// </summary>
public static class ProcessSetup
{
    /// <exception cref="InvalidOperationException">The reproducibility mode cannot hold in this process (the reason).</exception>
    public static void Apply(ExecutionSettings execution)
    {
        TorchRuntime.Initialize();
        CpuReproducibility.ApplyAndVerify(execution.Reproducibility);
        if (execution.Threads > 0 && torch.get_num_threads() != execution.Threads) torch.set_num_threads(execution.Threads);
        if (execution.MemoryMode == ExecutionSettings.Low) NativeHeap.ReturnLargeBlocks();
    }
}
