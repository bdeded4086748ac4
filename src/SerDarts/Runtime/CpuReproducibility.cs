using System.Runtime.InteropServices;

namespace SerDarts.Runtime;

/// <summary>
/// Which CPU kernels libtorch may choose (<c>execution.reproducibility</c>). libtorch picks kernels by the CPU's
/// features, each dispatcher on its own: ATen's vectorised kernels (DEFAULT, AVX2, AVX512), oneDNN's JIT
/// convolutions (up to AVX-512/AMX) and MKL's BLAS code paths. The same spec then gives different bytes on an
/// AVX-512 machine and an AVX2 one. <c>portable</c> caps all three at AVX2, which every x86-64 CPU since 2015
/// (Haswell, Zen) runs the same way: the same spec gives the same bytes on any of them (same thread count).
/// <c>native</c> lets each dispatcher take the fastest kernels of this CPU (docs/arch/runtime.md measures both).
/// The three read their variables lazily, at their first computation, not when libtorch loads; so an entry
/// point applies the mode before any tensor is computed, and the mode then overrides whatever the environment
/// said (an inconsistent environment cannot win). <see cref="Verify"/> refuses a process where it came too late.
/// </summary>
public static class CpuReproducibility
{
    public const string Portable = "portable";
    public const string Native = "native";
    public const string Default = Portable;

    /// <summary>The dispatchers' variables and their AVX2 caps.</summary>
    private static readonly (string Name, string Value)[] AvxTwoCaps =
        [("ATEN_CPU_CAPABILITY", "avx2"), ("ONEDNN_MAX_CPU_ISA", "AVX2"), ("MKL_CBWR", "AVX2")];

    public static bool IsMode(string? mode) => mode is Portable or Native;

    /// <summary>
    /// Sets the dispatchers' variables for <paramref name="mode"/> in the native environment: the AVX2 caps for
    /// portable (overriding the environment); for native, the values the process started with.
    /// </summary>
    public static void Apply(string mode)
    {
        if (!IsMode(mode)) throw new ArgumentException($"execution.reproducibility '{mode}' is not {Portable} or {Native}", nameof(mode));
        if (!OperatingSystem.IsLinux()) return;
        foreach (var (name, value) in AvxTwoCaps)
        {
            if (mode == Portable) NativeEnvironment.Set(name, value);
            else if (Environment.GetEnvironmentVariable(name) is { Length: > 0 } original) NativeEnvironment.Set(name, original);
            else NativeEnvironment.Unset(name);
        }
    }

    /// <summary>
    /// ATen's kernel level in this process ("AVX2", "AVX512", "DEFAULT"). The first call fixes it for the process,
    /// so it comes after <see cref="Apply"/>.
    /// </summary>
    public static string Capability()
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.ProcessArchitecture != Architecture.X64) return "unknown";
        TorchRuntime.Initialize();
        return AtenCapability.Read();
    }

    /// <summary>
    /// Applies <paramref name="mode"/> and checks that it holds: portable needs ATen at AVX2. A process where torch
    /// had already computed with other kernels (or a CPU without AVX2) is refused with the reason.
    /// </summary>
    /// <returns>The capability in use, e.g. "AVX2".</returns>
    public static string ApplyAndVerify(string mode)
    {
        Apply(mode);
        return Verify(mode, Capability());
    }

    /// <summary>The check of <see cref="ApplyAndVerify"/> on a capability already read.</summary>
    public static string Verify(string mode, string capability)
    {
        if (mode != Portable || capability is "AVX2" or "unknown") return capability;
        throw new InvalidOperationException(capability == "DEFAULT"
            ? "execution.reproducibility=portable needs an x86-64 CPU with AVX2, and this one runs libtorch's DEFAULT kernels; use execution.reproducibility=native"
            : $"execution.reproducibility=portable came after torch had chosen its {capability} kernels in this process; " +
              "apply it before the first computation (or start the process with ATEN_CPU_CAPABILITY=avx2)");
    }

    /// <summary>"AVX2 kernels, portable": the words provenance and doctor use.</summary>
    public static string Describe(string mode) => $"{Capability()} kernels, {mode}";
}
