using SerDarts.Runtime;
namespace SerDarts.Runtime;

/// <summary>
/// Deterministic seed derivation (SplitMix64): each epoch and purpose gets its own seed from the run seed,
/// so an epoch replays identically whether or not the run was interrupted before it.
/// </summary>
public static class Seeds
{
    public static long Derive(long seed, params long[] parts)
    {
        ulong state = (ulong)seed;
        foreach (var part in parts) state = Mix(state ^ Mix((ulong)part + 0x9E3779B97F4A7C15UL));
        return (long)(Mix(state) >> 1); // non-negative: torch.manual_seed takes any long, this keeps logs tidy
    }

    /// <summary>The SplitMix64 finaliser.</summary>
    public static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A Fisher-Yates permutation of 0..count-1 from the SplitMix64 stream of <paramref name="seed"/>.</summary>
    public static int[] Permutation(int count, long seed)
    {
        var order = Enumerable.Range(0, count).ToArray();
        ulong state = (ulong)seed;
        for (int i = count - 1; i > 0; i--)
        {
            state += 0x9E3779B97F4A7C15UL;
            int j = (int)(Mix(state) % (ulong)(i + 1));
            (order[i], order[j]) = (order[j], order[i]);
        }
        return order;
    }
}
