using System.Diagnostics;
using SerDarts.Runtime;
using SerDarts.Tests.Training;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace SerDarts.Tests.Runtime;

// Serial: resident memory is a process-wide reading that tests running beside this one would move.
[Collection(TorchSerialCollection.Name)]
public sealed class NativeHeapTests
{
    [Fact]
    public void Freed_large_tensors_leave_resident_memory_even_when_small_live_ones_sit_between_them()
    {
        Assert.True(NativeHeap.ReturnLargeBlocks(), "glibc's mallopt should accept the threshold on Linux");
        // Without the fixed threshold, freeing this block would raise glibc's dynamic one to 8 MiB, and the
        // 4 MiB tensors below would come from a heap that the small live tensors keep from shrinking.
        using (torch.ones(2 << 20)) { }

        const int count = 64, floats = 1 << 20; // 64 x 4 MiB
        var large = new List<Tensor>();
        var small = new List<Tensor>();
        long before = ResidentBytes();
        for (int i = 0; i < count; i++)
        {
            large.Add(torch.ones(floats));   // ones, not empty: the pages must be touched to count
            small.Add(torch.ones(16 << 10)); // 64 KiB, stays alive between the large blocks
        }
        long loaded = ResidentBytes();
        foreach (var t in large) t.Dispose();
        long after = ResidentBytes();
        foreach (var t in small) t.Dispose();

        const long payload = (long)count * floats * sizeof(float);
        Assert.True(loaded - before > payload * 3 / 4, $"resident memory should rise by about {payload >> 20} MiB, rose {(loaded - before) >> 20} MiB");
        Assert.True(loaded - after > payload * 3 / 4, $"freeing should return about {payload >> 20} MiB, returned {(loaded - after) >> 20} MiB");
    }

    [Fact]
    public void A_threshold_below_a_page_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => NativeHeap.ReturnLargeBlocks(1024));
    }

    private static long ResidentBytes()
    {
        using var self = Process.GetCurrentProcess();
        return self.WorkingSet64;
    }
}
