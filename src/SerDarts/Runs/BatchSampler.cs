using SerDarts.Runtime;

namespace SerDarts.Runs;

/// <summary>
/// Seeded mini-batch order: a Fisher-Yates permutation per (seed, epoch) from a SplitMix64 stream, cut into
/// batches. Stateless, so resuming at an epoch needs no iterator state.
/// </summary>
public static class BatchSampler
{
    /// <param name="count">Samples in the set.</param>
    /// <param name="batchSize">Samples per batch.</param>
    /// <param name="seed">Run seed.</param>
    /// <param name="epoch">Epoch (0-based); each epoch has its own order.</param>
    /// <param name="shuffle">False: samples in order (evaluation).</param>
    /// <param name="dropLast">Drop a final incomplete batch (training, so BatchNorm never sees a batch of 1).</param>
    public static IReadOnlyList<int[]> Batches(int count, int batchSize, long seed, int epoch, bool shuffle, bool dropLast)
    {
        if (batchSize < 1) throw new ArgumentException($"batch size must be positive, got {batchSize}");
        var order = shuffle ? Seeds.Permutation(count, Seeds.Derive(seed, epoch, 0x5A3B)) : Enumerable.Range(0, count).ToArray();
        var batches = new List<int[]>();
        for (int start = 0; start < count; start += batchSize)
        {
            int size = Math.Min(batchSize, count - start);
            if (size < batchSize && dropLast && batches.Count > 0) break;
            batches.Add(order.AsSpan(start, size).ToArray());
        }
        return batches;
    }
}
