using System.Globalization;

namespace SerDarts.Audio;

/// <summary>
/// Rules on decoded mono samples (after the mix-down, at the file's rate). <see cref="Unusable"/> decides
/// whether a clip can become features at all; <see cref="Silence"/> and <see cref="Clipping"/> are the
/// warnings of `corpus inspect --deep` (docs/arch/corpora.md, "Bad audio").
/// </summary>
public static class AudioCheck
{
    /// <summary>Digital silence: no sample beyond one 16-bit step (2^-15, -90.3 dBFS).</summary>
    public const double SilencePeak = 1.0 / 32768;

    /// <summary>A sample this close to full scale (-0.0087 dBFS) counts as clipped.</summary>
    public const double ClippedLevel = 0.999;

    /// <summary>A clip is flagged when at least this fraction of its samples is clipped (0.1 %).</summary>
    public const double ClippedFraction = 0.001;

    /// <summary>Why the samples cannot be used (none, or a NaN or infinite one), or null when they can.</summary>
    public static string? Unusable(ReadOnlySpan<float> samples)
    {
        if (samples.IsEmpty) return "no samples";
        for (int i = 0; i < samples.Length; i++)
            if (!float.IsFinite(samples[i]))
                return $"sample {i} is {(float.IsNaN(samples[i]) ? "NaN" : samples[i] > 0 ? "+Infinity" : "-Infinity")}";
        return null;
    }

    /// <summary>A description when the clip is digital silence, else null.</summary>
    public static string? Silence(ReadOnlySpan<float> samples)
    {
        double peak = Peak(samples);
        return peak <= SilencePeak
            ? string.Create(CultureInfo.InvariantCulture, $"digital silence: peak {Decibels(peak)} dBFS over {samples.Length} samples")
            : null;
    }

    /// <summary>A description when at least <see cref="ClippedFraction"/> of the samples sit at full scale, else null.</summary>
    public static string? Clipping(ReadOnlySpan<float> samples)
    {
        int clipped = 0;
        foreach (var s in samples)
            if (Math.Abs(s) >= ClippedLevel) clipped++;
        return samples.Length > 0 && clipped >= ClippedFraction * samples.Length
            ? string.Create(CultureInfo.InvariantCulture, $"clipping: {clipped} of {samples.Length} samples ({100.0 * clipped / samples.Length:F2} %) at full scale")
            : null;
    }

    private static double Peak(ReadOnlySpan<float> samples)
    {
        double peak = 0;
        foreach (var s in samples) peak = Math.Max(peak, Math.Abs(s));
        return peak;
    }

    private static string Decibels(double level) =>
        level <= 0 ? "-inf" : (20 * Math.Log10(level)).ToString("F1", CultureInfo.InvariantCulture);
}
