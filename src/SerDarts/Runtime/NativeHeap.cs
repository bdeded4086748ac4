using System.Runtime.InteropServices;

namespace SerDarts.Runtime;

/// <summary>
/// The C heap that libtorch's CPU tensors come from (glibc malloc). glibc serves blocks below a self-raising
/// mmap threshold from heaps it seldom hands back to the OS; a supernet whose activations come and go in
/// many sizes then keeps several times its live memory resident (a recomputed 128x128, batch-32 search:
/// 8.3 GB resident for about 2 GB live). A fixed threshold maps every large block on its own and unmaps it
/// when freed, so resident memory follows live memory, at the price of page faults on each large allocation.
/// glibc maps a block only when no free chunk of the heap fits, so what the heap held before is reused first
/// and the heap stops growing.
/// </summary>
public static class NativeHeap
{
    /// <summary>Blocks from this size up get their own mapping (1 MiB: every activation map of note).</summary>
    public const int DefaultThresholdBytes = 1 << 20;

    private const int MallocMmapThreshold = -3; // M_MMAP_THRESHOLD in glibc's malloc.h

    /// <summary>
    /// Asks glibc to map blocks of <paramref name="thresholdBytes"/> and more separately (process-wide, for
    /// the rest of the process). Returns false where that is not possible (not Linux, not glibc).
    /// </summary>
    public static bool ReturnLargeBlocks(int thresholdBytes = DefaultThresholdBytes)
    {
        if (thresholdBytes < 4096) throw new ArgumentOutOfRangeException(nameof(thresholdBytes), thresholdBytes, "at least one page");
        if (!OperatingSystem.IsLinux()) return false;
        try { return mallopt(MallocMmapThreshold, thresholdBytes) == 1; }
        catch (DllNotFoundException) { return false; }      // not glibc (musl names its C library differently)
        catch (EntryPointNotFoundException) { return false; }
    }

    [DllImport("libc.so.6", ExactSpelling = true)]
    private static extern int mallopt(int param, int value);
}
