using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using static TorchSharp.torch;

namespace SerDarts.Features;

/// <summary>
/// Runs work on several threads, each meant to own its own extractor. On a shared 2-core machine, torch's
/// intra-op threads (OpenMP) stall at every per-op barrier when another process holds a core: we measured
/// single clips taking seconds. Independent single-threaded workers need no such synchronisation.
/// </summary>
internal static class ParallelWorkers
{
    /// <summary>
    /// Calls <paramref name="work"/>(w) for w in 0..workers-1 on its own thread (inline when there is one),
    /// with torch's process-wide intra-op thread count set to <paramref name="torchThreads"/> meanwhile and
    /// restored afterwards. The first failure is rethrown once every worker has finished.
    /// </summary>
    public static void Run(int workers, int torchThreads, Action<int> work)
    {
        int previous = get_num_threads();
        if (torchThreads != previous) set_num_threads(torchThreads);
        try
        {
            if (workers == 1)
            {
                work(0);
                return;
            }
            var failures = new ConcurrentQueue<Exception>();
            var threads = Enumerable.Range(0, workers).Select(w => new Thread(() =>
            {
                try { work(w); }
                catch (Exception e) { failures.Enqueue(e); }
            })).ToArray();
            foreach (var t in threads) t.Start();
            foreach (var t in threads) t.Join();
            if (failures.TryDequeue(out var first)) ExceptionDispatchInfo.Capture(first).Throw();
        }
        finally
        {
            if (torchThreads != previous) set_num_threads(previous);
        }
    }

    /// <summary>Items i with i mod workers = w, for each worker w (balanced when items are sorted by size).</summary>
    public static T[][] Deal<T>(IReadOnlyList<T> items, int workers) =>
        Enumerable.Range(0, workers).Select(w => items.Where((_, i) => i % workers == w).ToArray()).ToArray();
}
