namespace SerDarts.Features;

/// <summary>Parsing and canonical names of <see cref="FeatureKind"/>.</summary>
public static class FeatureKinds
{
    /// <summary>"spectrogram", "logmel" (also "log_mel", "log-mel", "log_mel_db") or "mfcc".</summary>
    public static FeatureKind Parse(string name) => name.Trim().ToLowerInvariant() switch
    {
        "spectrogram" or "power_spectrogram" or "spec" => FeatureKind.Spectrogram,
        "logmel" or "log_mel" or "log-mel" or "log_mel_db" or "mel" => FeatureKind.LogMel,
        "mfcc" => FeatureKind.Mfcc,
        _ => throw new ArgumentException($"unknown feature kind '{name}': use spectrogram, logmel or mfcc"),
    };

    /// <summary>The lower-case name used on the command line and in canonical spec strings.</summary>
    public static string Name(this FeatureKind kind) => kind switch
    {
        FeatureKind.Spectrogram => "spectrogram",
        FeatureKind.LogMel => "logmel",
        FeatureKind.Mfcc => "mfcc",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
