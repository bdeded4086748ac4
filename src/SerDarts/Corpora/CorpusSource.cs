namespace SerDarts.Corpora;

/// <summary>
/// A corpus named the way specs and the command line name it: a loader name ("iemocap", "ravdess", ...) with
/// a root folder, or "sample" (also: no name and no root) for the embedded sample corpus.
/// </summary>
public sealed record CorpusSource(string Dataset, string Root)
{
    public const string Sample = "sample";

    /// <summary>Resolves a name and an optional root; the sample corpus needs no root.</summary>
    public static CorpusSource Resolve(string? dataset, string? root)
    {
        var name = string.IsNullOrWhiteSpace(dataset) ? (root is null ? Sample : SampleCorpus.Dataset) : dataset.Trim().ToLowerInvariant();
        if (name == Sample)
            return new CorpusSource(SampleCorpus.Dataset, root ?? SampleCorpus.Root());
        if (root is null)
            throw new ArgumentException($"corpus '{name}' needs a root folder (--root DIR, or corpus.root in a spec)");
        CorpusLoaders.Open(name); // fails early, naming the known loaders
        return new CorpusSource(name, root);
    }

    /// <summary>Scans the corpus (headers only; no audio is decoded).</summary>
    public CorpusScan Scan(CorpusOptions? options = null, IProgress<int>? progress = null) =>
        CorpusLoaders.Open(Dataset).Scan(Root, options, progress);
}
