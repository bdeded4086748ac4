using System.Runtime.CompilerServices;

namespace SerDarts.Runtime;

internal static class ModuleInitializer
{
    /// <summary>
    /// Loads the native backend as soon as any SerDarts type is touched, so that tests, the CLI and
    /// notebooks need no explicit call. Failures are not thrown here (that would poison every type);
    /// the next <see cref="TorchRuntime.Initialize"/> tries again and throws with the reason (in a notebook kernel,
    /// SerDarts' kernel extension calls it when the package is added, so the setup cell shows it).
    /// </summary>
#pragma warning disable CA2255 // a library initialiser is exactly what is wanted here
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Run()
    {
        try { TorchRuntime.Initialize(); }
        catch (Exception) { /* surfaced again by the next explicit Initialize() */ }
    }
}
