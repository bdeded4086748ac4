using System.Globalization;
using System.Text.Json.Serialization;
using SerDarts.Audio;
using SerDarts.Audio.Augmentation;

namespace SerDarts.Features;

/// <summary>The samples of a clip from <see cref="Start"/> on: one window of <see cref="WindowSettings"/> "whole"
/// (the fixed-length rule then crops or pads it), cached like an augmentation under its canonical string.</summary>
public sealed record ClipWindow(int Start) : IWaveformTransform
{
    public string CanonicalString() => $"window(start={Start.ToString(CultureInfo.InvariantCulture)})";

    public AudioClip Apply(AudioClip clip) =>
        Start < clip.Samples.Length ? clip with { Samples = clip.Samples[Start..] } : clip with { Samples = [] };
}
