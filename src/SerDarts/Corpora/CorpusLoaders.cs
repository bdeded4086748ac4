namespace SerDarts.Corpora;

/// <summary>The corpus loaders by dataset name.</summary>
public static class CorpusLoaders
{
    /// <summary>Dataset names <see cref="Open"/> accepts.</summary>
    public static IReadOnlyList<string> Names { get; } = ["iemocap", "ravdess", "cremad", "emodb", "manifest"];

    /// <summary>The loader for "iemocap", "ravdess", "cremad", "emodb" or "manifest" (case-insensitive).</summary>
    public static ICorpusLoader Open(string dataset) => dataset.Trim().ToLowerInvariant() switch
    {
        "iemocap" => new IemocapLoader(),
        "ravdess" => new RavdessLoader(),
        "cremad" or "crema-d" => new CremadLoader(),
        "emodb" => new EmodbLoader(),
        "manifest" or "csv" => new ManifestLoader(),
        _ => throw new ArgumentException($"unknown dataset '{dataset}'; choose one of {string.Join(", ", Names)}", nameof(dataset)),
    };
}
