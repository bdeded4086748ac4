using SerDarts.Runtime;
namespace SerDarts.Runtime;

/// <summary>
/// SplitMix64 (Steele, Lea and Flood 2014), the generator behind every seeded choice SerDarts makes (splits,
/// bootstrap resamples, random genotypes, augmentation draws). Its
/// sequence is fixed by these few lines, not by the runtime's System.Random, so a bootstrap interval is the same
/// on every .NET version and can be re-computed in a few lines of Python (the test fixtures do exactly that).
/// </summary>
/// <remarks>State starts at the seed; each draw adds 0x9E3779B97F4A7C15 and returns the mix of the new state.</remarks>
public sealed class SplitMix64(ulong seed)
{
    private ulong state = seed;

    public ulong Next()
    {
        ulong previous = state;
        state += 0x9E3779B97F4A7C15UL;
        return Seeds.Mix(previous); // Mix adds the increment itself: the finaliser of the new state
    }

    /// <summary>Uniform in [0, n): the top 32 bits of a draw, multiplied by n, shifted down by 32 (bias below n / 2^32).</summary>
    public int NextIndex(int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(n);
        return (int)(((Next() >> 32) * (ulong)n) >> 32);
    }
}
