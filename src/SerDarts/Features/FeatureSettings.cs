namespace SerDarts.Features;

/// <summary>The network input of an experiment, as JSON names; <see cref="ToFeatureSpec"/> turns it into the
/// exact grid (<see cref="FeatureSpec"/> documents the fixed-size rule).</summary>
/// <param name="Kind">"mfcc" (the paper's input) or "logmel" (the spectrogram ablation, on the same grid).</param>
/// <param name="Grid">"paper" (128 x 128) or "small" (64 x 64 over the same window).</param>
public sealed record FeatureSettings(string Kind = FeatureSettings.Mfcc, string Grid = FeatureSettings.PaperGrid)
{
    public const string Mfcc = "mfcc";
    public const string LogMel = "logmel";
    public const string PaperGrid = "paper";
    public const string SmallGrid = "small";

    public static IReadOnlyList<string> Kinds { get; } = [Mfcc, LogMel];

    public static IReadOnlyList<string> Grids { get; } = [PaperGrid, SmallGrid];

    /// <summary>The grid the features layer computes for these settings.</summary>
    public FeatureSpec ToFeatureSpec() => FeatureSpec.FromName(Grid, FeatureKinds.Parse(Kind));

    /// <summary>Rows (coefficients or bands) and frames of the input image.</summary>
    public (int Rows, int Frames) GridSize()
    {
        var spec = ToFeatureSpec();
        return (spec.Rows, spec.Frames);
    }

    public IEnumerable<string> Errors(string path = "features")
    {
        if (!Kinds.Contains(Kind)) yield return $"{path}.kind '{Kind}' is not {string.Join(" or ", Kinds)}";
        if (!Grids.Contains(Grid)) yield return $"{path}.grid '{Grid}' is not {string.Join(" or ", Grids)}";
    }
}
