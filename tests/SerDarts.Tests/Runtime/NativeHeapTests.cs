using SerDarts.Runtime;
using SerDarts.Tests.Experiments;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace SerDarts.Tests.Runtime;

public sealed class NativeHeapTests
{
    private const int Count = 64, Floats = 1 << 20; // 64 tensors of 4 MiB
    private const long PayloadMiB = (long)Count * Floats * sizeof(float) >> 20;

    // Each measurement runs in a fresh process: in the test host, free chunks that earlier tests left in the
    // heap would serve the tensors whatever the threshold (glibc maps a block only when no free chunk fits).
    [Fact]
    public void Freed_large_tensors_leave_resident_memory_even_when_small_live_ones_sit_between_them()
    {
        var (rose, returned) = Measure(returnLargeBlocks: true);
        Assert.True(rose > PayloadMiB * 3 / 4, $"resident memory should rise by about {PayloadMiB} MiB, rose {rose} MiB");
        Assert.True(returned > PayloadMiB * 3 / 4, $"freeing should return about {PayloadMiB} MiB, returned {returned} MiB");
    }

    [Fact]
    public void Without_the_fixed_threshold_the_heap_keeps_them()
    {
        // The control: what the search would hold on to without the policy.
        var (rose, returned) = Measure(returnLargeBlocks: false);
        Assert.True(rose > PayloadMiB * 3 / 4, $"resident memory should rise by about {PayloadMiB} MiB, rose {rose} MiB");
        Assert.True(returned < PayloadMiB / 4, $"glibc's own heap should keep most of {PayloadMiB} MiB, returned {returned} MiB");
    }

    [Fact]
    public void A_threshold_below_a_page_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => NativeHeap.ReturnLargeBlocks(1024));
    }

    private static (long RoseMiB, long ReturnedMiB) Measure(bool returnLargeBlocks)
    {
        using var child = ChildProcess.Start("native-heap", ("RETURN_LARGE_BLOCKS", returnLargeBlocks ? "1" : "0"));
        Assert.True(child.WaitForExit(TimeSpan.FromMinutes(2)) == 0, $"child failed: {child.Output}");
        var line = child.Output.Split('\n').Single(l => l.StartsWith("rose=", StringComparison.Ordinal)).Trim();
        var parts = line.Split(' ').Select(p => long.Parse(p.Split('=')[1])).ToArray(); // "rose=R returned=F"
        return (parts[0], parts[1]);
    }

    /// <summary>The child's side: 4 MiB tensors with small live ones between them, allocated, then freed;
    /// prints the change of resident memory in MiB.</summary>
    internal static int MeasureLargeTensors(bool returnLargeBlocks)
    {
        TorchRuntime.Initialize();
        if (returnLargeBlocks && !NativeHeap.ReturnLargeBlocks()) return 2;
        // Without the fixed threshold, freeing this block raises glibc's dynamic one to 8 MiB, and the 4 MiB
        // tensors below come from a heap that the small live tensors keep from shrinking.
        using (torch.ones(2 << 20)) { }
        var large = new List<Tensor>();
        var small = new List<Tensor>();
        long before = ResidentBytes();
        for (int i = 0; i < Count; i++)
        {
            large.Add(torch.ones(Floats));   // ones, not empty: the pages must be touched to count
            small.Add(torch.ones(16 << 10)); // 64 KiB, stays alive between the large blocks
        }
        long loaded = ResidentBytes();
        foreach (var t in large) t.Dispose();
        long after = ResidentBytes();
        foreach (var t in small) t.Dispose();
        Console.WriteLine($"rose={(loaded - before) >> 20} returned={(loaded - after) >> 20}");
        return 0;
    }

    /// <summary>Resident memory from a walk of the page tables (/proc/self/smaps_rollup). The counters behind
    /// /proc/self/stat, which Process.WorkingSet64 reads, are per-CPU approximations on recent kernels.</summary>
    private static long ResidentBytes()
    {
        foreach (var line in File.ReadLines("/proc/self/smaps_rollup"))
            if (line.StartsWith("Rss:", StringComparison.Ordinal))
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024; // "Rss: N kB"
        throw new InvalidOperationException("/proc/self/smaps_rollup has no Rss line");
    }
}
