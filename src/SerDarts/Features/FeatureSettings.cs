namespace SerDarts.Features;

/// <summary>The network input of an experiment, as JSON names; <see cref="ToFeatureSpec"/> turns it into the
/// exact grid (<see cref="FeatureSpec"/> documents the fixed-size rule), and the training part's augmentation.</summary>
/// <param name="Kind">"mfcc" (the paper's input) or "logmel" (the spectrogram ablation, on the same grid).</param>
/// <param name="Grid">"paper" (128 x 128), "small" (64 x 64 over the same window) or "emodarts" (the authors'
/// 128 x 128 from the first 8 s at 32 750 Hz, pooled (1, 4)).</param>
public sealed record FeatureSettings(string Kind = FeatureSettings.Mfcc, string Grid = FeatureSettings.PaperGrid)
{
    public const string Mfcc = "mfcc";
    public const string LogMel = "logmel";
    public const string PaperGrid = "paper";
    public const string SmallGrid = "small";
    public const string EmodartsGrid = "emodarts";

    public static IReadOnlyList<string> Kinds { get; } = [Mfcc, LogMel];

    public static IReadOnlyList<string> Grids { get; } = [PaperGrid, SmallGrid, EmodartsGrid];

    /// <summary>Standardisation with the training part's statistics per (channel, row): the paper's way.</summary>
    public const string FoldNormalization = NormalizationLevel.Fold;

    /// <summary>Standardisation per speaker (<see cref="SpeakerNormalization"/>): every speaker's own statistics,
    /// test speakers' from their unlabelled audio.</summary>
    public const string SpeakerNormalizationName = NormalizationLevel.Speaker;

    /// <summary>"none", "fold" (default, the paper's), "speaker" or "enrolment:N" (<see cref="NormalizationLevel"/>).</summary>
    public string Normalization { get; init; } = FoldNormalization;

    /// <summary><see cref="Normalization"/> parsed; an error naming features.normalization when it is not valid.</summary>
    public NormalizationLevel ParsedNormalization() => NormalizationLevel.Parse(Normalization);

    /// <summary>Waveform copies and SpecAugment masks of the training clips only (<see cref="AugmentationSettings.None"/> by default).</summary>
    public AugmentationSettings Augmentation { get; init; } = AugmentationSettings.None;

    /// <summary>The first window of each clip (default) or overlapping windows over the whole clip.</summary>
    public WindowSettings Window { get; init; } = new();

    /// <summary>The grid the features layer computes for these settings.</summary>
    public FeatureSpec ToFeatureSpec() => (Window ?? new()).Apply(FeatureSpec.FromName(Grid, FeatureKinds.Parse(Kind)));

    /// <summary>Rows (coefficients or bands) and frames of the input image.</summary>
    public (int Rows, int Frames) GridSize()
    {
        var spec = ToFeatureSpec();
        return (spec.Rows, spec.Frames);
    }

    public IEnumerable<string> Errors(string path = "features")
    {
        if (!Kinds.Contains(Kind)) yield return $"{path}.kind '{Kind}' is not {string.Join(" or ", Kinds)}";
        if (!Grids.Contains(Grid)) yield return $"{path}.grid '{Grid}' is not {string.Join(", ", Grids)}";
        if (!NormalizationLevel.TryParse(Normalization, out _))
            yield return $"{path}.normalization '{Normalization}' is not {NormalizationLevel.Forms}";
        if (Augmentation is null) yield return $"{path}.augmentation is required (use {{}} for none)";
        else foreach (var e in Augmentation.Errors()) yield return $"{path}.{e}";
        if (Window is null) yield return $"{path}.window is required (use {{}} for the first window)";
        else foreach (var e in Window.Errors($"{path}.window")) yield return e;
        if (Window is { IsWhole: true } && Augmentation is { PoolSize: > 0 })
            yield return $"{path}: waveform augmentation and whole-clip windows cannot be combined (choose one)";
    }
}
