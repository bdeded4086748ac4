namespace SerDarts.Corpora;

/// <summary>Which corpus a trial reads.</summary>
/// <param name="Name">Corpus name as the corpora layer knows it ("sample", "iemocap", ...).</param>
/// <param name="Root">Folder holding the corpus; null means the embedded sample corpus (or the corpus' default location).</param>
public sealed record CorpusSpec(string Name = "sample", string? Root = null);
