using System.Globalization;
using System.Text.Json.Serialization;
using SerDarts.Audio;
using SerDarts.Audio.Augmentation;

namespace SerDarts.Features;

/// <summary>
/// Which part of a clip the network sees. "first" (the paper's input): the first window of the grid, cropped or
/// zero-padded at the end, one grid per clip. "whole": overlapping windows over the whole clip, every window a
/// training example, and validation and test clips classified from the average of their windows' logits, so a
/// long clip does not lose its ending. The window length defaults to the grid's (4.06 s for paper and small).
/// </summary>
public sealed record WindowSettings
{
    public const string First = "first";
    public const string Whole = "whole";

    /// <summary>"first" or "whole".</summary>
    public string Mode { get; init; } = First;

    /// <summary>Window length in seconds; null keeps the grid's window (its frames follow the length).</summary>
    public double? LengthSeconds { get; init; }

    /// <summary>"whole" only: seconds between window starts; null is half the window.</summary>
    public double? HopSeconds { get; init; }

    [JsonIgnore]
    public bool IsWhole => Mode == Whole;

    public IEnumerable<string> Errors(string path = "features.window")
    {
        if (Mode is not (First or Whole)) yield return $"{path}.mode '{Mode}' is not first or whole";
        if (LengthSeconds is <= 0.1 or > 60) yield return $"{path}.lengthSeconds must be in (0.1, 60] or null";
        if (HopSeconds is <= 0) yield return $"{path}.hopSeconds must be > 0 or null";
        if (HopSeconds is not null && LengthSeconds is { } length && HopSeconds > length)
            yield return $"{path}.hopSeconds must not exceed the window length (windows would leave gaps)";
        if (HopSeconds is not null && Mode == First) yield return $"{path}.hopSeconds applies to mode whole only";
    }

    /// <summary>The grid with this window's length (the grid itself when the length is its own).</summary>
    public FeatureSpec Apply(FeatureSpec grid)
    {
        if (LengthSeconds is not { } seconds) return grid;
        int frames = Math.Max(1, (int)Math.Round(seconds * grid.Preset.SampleRate / grid.Preset.HopLength / grid.TimePool));
        return grid with { Frames = frames, Samples = null };
    }

    /// <summary>Start samples of a clip's windows on <paramref name="grid"/>: 0 alone for "first"; for "whole",
    /// every hop while the window before has not reached the clip's end.</summary>
    public IReadOnlyList<int> Starts(FeatureSpec grid, int samples)
    {
        if (!IsWhole) return [0];
        int window = grid.WindowSamples;
        int hop = HopSeconds is { } h ? Math.Max(1, (int)Math.Round(h * grid.Preset.SampleRate)) : Math.Max(1, window / 2);
        var starts = new List<int> { 0 };
        while (starts[^1] + window < samples) starts.Add(starts[^1] + hop);
        return starts;
    }
}
