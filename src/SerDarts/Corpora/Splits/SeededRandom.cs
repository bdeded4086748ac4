namespace SerDarts.Corpora;

/// <summary>
/// SplitMix64: a tiny generator whose sequence is fixed by this code, not by the runtime's System.Random,
/// so that splits stay byte-identical across .NET versions. One instance per (seed, stream).
/// </summary>
internal sealed class SeededRandom(int seed, int stream = 0)
{
    private ulong _state = ((ulong)(uint)seed << 32 | (uint)stream) ^ 0x5DEECE66DUL;

    public ulong NextUInt64()
    {
        ulong z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [0, n) (multiply-shift on the top 32 bits; bias below 2^-32 * n).</summary>
    public int Next(int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(n);
        return (int)(((NextUInt64() >> 32) * (ulong)n) >> 32);
    }

    /// <summary>Fisher-Yates shuffle in place.</summary>
    public void Shuffle<T>(IList<T> items)
    {
        for (int i = items.Count - 1; i > 0; i--)
        {
            int j = Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
