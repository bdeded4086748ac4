using System.Runtime.InteropServices;

namespace SerDarts.Runtime;

/// <summary>
/// ATen's CPU kernel level, read from libtorch's exported <c>at::get_cpu_capability()</c> (TorchSharp has no
/// binding for it). The function returns a std::string (libstdc++'s C++11 ABI: pointer, length, 16-byte local
/// buffer), which the x86-64 SysV ABI passes back through a hidden pointer to caller memory. The names it
/// returns ("DEFAULT", "AVX2", "AVX512") fit the local buffer, so nothing is allocated on the C heap.
/// </summary>
internal static class AtenCapability
{
    private const string Symbol = "_ZN2at18get_cpu_capabilityB5cxx11Ev";

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate IntPtr ReturnsString(IntPtr result);

    public static string Read()
    {
        if (TorchRuntime.Export("torch_cpu", Symbol) is not { } address) return "unknown";
        var call = Marshal.GetDelegateForFunctionPointer<ReturnsString>(address);
        var result = Marshal.AllocHGlobal(32);
        try
        {
            call(result);
            var text = Marshal.ReadIntPtr(result);
            var length = Marshal.ReadInt64(result, 8);
            if (length is < 0 or > 64) return "unknown";
            // A heap copy (not expected for these names) is left to the C heap rather than freed with another allocator.
            return Marshal.PtrToStringUTF8(text, (int)length);
        }
        finally { Marshal.FreeHGlobal(result); }
    }
}
