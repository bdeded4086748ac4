using System.Globalization;

namespace SerDarts.Audio.Augmentation;

/// <summary>
/// A change to a training clip's waveform. <see cref="Apply"/> is a pure function of the clip's samples and
/// the transform's parameters (seeds included): the same clip and transform always give the same samples,
/// which is what lets the feature cache key augmented features by (audio hash, feature spec,
/// <see cref="CanonicalString"/>).
/// </summary>
public interface IWaveformTransform
{
    /// <summary>The transform's name and every parameter that changes its output, seed included, in a fixed
    /// format, e.g. "speed(factor=0.9)": the augmentation part of a cache key.</summary>
    string CanonicalString();

    /// <summary>The transformed clip, at the clip's sample rate; the input is left unchanged.</summary>
    AudioClip Apply(AudioClip clip);
}

/// <summary>Number formatting for canonical strings: invariant culture, shortest round-trip form.</summary>
internal static class CanonicalNumber
{
    public static string Format(double x) => x.ToString("R", CultureInfo.InvariantCulture);
}
