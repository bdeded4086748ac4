using SerDarts.Runtime;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace SerDarts.Audio.Augmentation;

/// <summary>
/// White Gaussian noise added at a signal-to-noise ratio of exactly <see cref="SnrDb"/> over the whole clip:
/// the noise drawn is rescaled so that 10 log10(mean(x^2) / mean(n^2)) = SnrDb. The result is not clipped
/// (clipping would change the ratio); features accept samples beyond [-1, 1].
/// </summary>
/// <remarks>
/// The noise of a clip comes from a SplitMix64 stream seeded by (<see cref="Seed"/>, SHA-256 of the clip's
/// samples): reproducible across runs and .NET versions, different for every clip, and a function of the audio
/// content, so a cached entry (keyed by the audio file's hash) always holds the noise it would be computed
/// with. NWaves' noise builders draw from an unseeded System.Random, hence this generator.
/// A silent clip has no signal power and no defined SNR: it is returned unchanged.
/// </remarks>
public sealed record AdditiveNoise : IWaveformTransform
{
    /// <param name="snrDb">Signal-to-noise ratio in dB, in [-20, 80].</param>
    /// <param name="seed">Seed of the noise (with the clip's content).</param>
    public AdditiveNoise(double snrDb, long seed)
    {
        if (Problem(snrDb) is { } problem) throw new ArgumentOutOfRangeException(nameof(snrDb), snrDb, problem);
        SnrDb = snrDb;
        Seed = seed;
    }

    /// <summary>Why <paramref name="snrDb"/> is not a valid SNR, or null.</summary>
    public static string? Problem(double snrDb) => double.IsFinite(snrDb) && snrDb is >= -20 and <= 80
        ? null
        : $"SNR {CanonicalNumber.Format(snrDb)} dB must lie in [-20, 80] dB";

    public double SnrDb { get; }

    public long Seed { get; }

    public string CanonicalString() => $"noise(kind=white-gaussian,snr_db={CanonicalNumber.Format(SnrDb)},seed={Seed})";

    public AudioClip Apply(AudioClip clip)
    {
        var x = clip.Samples;
        double signalPower = MeanSquare(x);
        if (signalPower == 0) return clip with { Samples = (float[])x.Clone() };
        var noise = Gaussian(x.Length, Seeds.Derive(Seed, ContentKey(clip)));
        double scale = Math.Sqrt(signalPower / (MeanSquare(noise) * Math.Pow(10, SnrDb / 10)));
        var y = new float[x.Length];
        for (int i = 0; i < y.Length; i++) y[i] = (float)(x[i] + scale * noise[i]);
        return clip with { Samples = y };
    }

    private static double MeanSquare(ReadOnlySpan<float> x)
    {
        double sum = 0;
        foreach (var v in x) sum += (double)v * v;
        return x.Length == 0 ? 0 : sum / x.Length;
    }

    private static double MeanSquare(double[] x) => x.Sum(v => v * v) / x.Length;

    /// <summary>First 8 bytes of the SHA-256 of the samples and rate.</summary>
    private static long ContentKey(AudioClip clip)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(MemoryMarshal.AsBytes(clip.Samples.AsSpan()));
        sha.AppendData(BitConverter.GetBytes(clip.SampleRate));
        return BitConverter.ToInt64(sha.GetHashAndReset(), 0);
    }

    /// <summary>Standard normal samples by Box-Muller from a SplitMix64 stream.</summary>
    private static double[] Gaussian(int count, long seed)
    {
        var values = new double[count];
        ulong state = (ulong)seed;
        double Uniform() => ((Seeds.Mix(state += 0x9E3779B97F4A7C15UL) >> 11) + 0.5) / (1UL << 53); // in (0, 1)
        for (int i = 0; i < count; i += 2)
        {
            double radius = Math.Sqrt(-2 * Math.Log(Uniform())), angle = 2 * Math.PI * Uniform();
            values[i] = radius * Math.Cos(angle);
            if (i + 1 < count) values[i + 1] = radius * Math.Sin(angle);
        }
        return values;
    }
}
