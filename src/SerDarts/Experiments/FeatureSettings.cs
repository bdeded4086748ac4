namespace SerDarts.Experiments;

/// <summary>The network input of an experiment, as JSON names; <see cref="ToFeatureSpec"/> turns it into the
/// features layer's <see cref="Features.FeatureSpec"/> (which documents the exact fixed-size rule).</summary>
/// <param name="Preset">Feature-extraction preset; the network grids are defined on "paper".</param>
/// <param name="Kind">"mfcc" (the paper's input) or "logmel" (the spectrogram ablation, on the same grid).</param>
/// <param name="Grid">"paper" (128 x 128) or "small" (64 x 64 over the same window).</param>
public sealed record FeatureSettings(string Preset = "paper", string Kind = FeatureSettings.Mfcc, string Grid = "paper")
{
    public const string Mfcc = "mfcc";
    public const string LogMel = "logmel";

    public static IReadOnlyList<string> Kinds { get; } = [Mfcc, LogMel];

    /// <summary>The grid the features layer computes for these settings.</summary>
    public Features.FeatureSpec ToFeatureSpec()
    {
        if (Preset != "paper")
            throw new FormatException($"features.preset '{Preset}': network grids are defined on the 'paper' preset");
        return Features.FeatureSpec.FromName(Grid, Features.FeatureKinds.Parse(Kind));
    }

    /// <summary>Coefficients (rows) and frames (columns) of the input image.</summary>
    public (int Coefficients, int Frames) GridSize()
    {
        var spec = ToFeatureSpec();
        return (spec.Rows, spec.Frames);
    }
}
