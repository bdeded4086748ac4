using System.Globalization;

namespace SerDarts.Experiments;

/// <summary>The network input: a feature preset, the kind of time-frequency image, and its grid.</summary>
/// <param name="Preset">Feature-extraction preset (window, hop, sample rate) as the features layer names it.</param>
/// <param name="Kind">"mfcc" (the paper's input) or "logmel" (the spectrogram ablation, on the same grid).</param>
/// <param name="Grid">"paper" (128 x 128), "small" (64 x 64) or "HxW" (coefficients x frames).</param>
public sealed record FeatureSpec(string Preset = "paper", string Kind = FeatureKinds.Mfcc, string Grid = "paper")
{
    /// <summary>Coefficients (rows) and frames (columns) of the input image.</summary>
    public (int Coefficients, int Frames) GridSize() => ParseGrid(Grid);

    public static (int Coefficients, int Frames) ParseGrid(string grid)
    {
        switch (grid)
        {
            case "paper": return (128, 128);
            case "small": return (64, 64);
        }
        var parts = grid.Split('x');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var rows)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var cols)
            && rows > 0 && cols > 0)
            return (rows, cols);
        throw new FormatException($"feature grid '{grid}' is not 'paper' (128x128), 'small' (64x64) or 'HxW'");
    }
}

/// <summary>Names of the feature kinds.</summary>
public static class FeatureKinds
{
    public const string Mfcc = "mfcc";
    public const string LogMel = "logmel";
    public static IReadOnlyList<string> All { get; } = [Mfcc, LogMel];
}
