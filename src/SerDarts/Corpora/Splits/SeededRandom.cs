using SerDarts.Runtime;
using SerDarts.Statistics;

namespace SerDarts.Corpora;

/// <summary>
/// Seeded choices of the splits: a <see cref="SplitMix64"/> stream per (seed, stream), so that splits stay
/// byte-identical across .NET versions (System.Random's sequence is not fixed).
/// </summary>
internal sealed class SeededRandom(int seed, int stream = 0)
{
    private readonly SplitMix64 generator = new(((ulong)(uint)seed << 32 | (uint)stream) ^ 0x5DEECE66DUL);

    /// <summary>Uniform in [0, n) (multiply-shift on the top 32 bits; bias below 2^-32 * n).</summary>
    public int Next(int n) => generator.NextIndex(n);

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
