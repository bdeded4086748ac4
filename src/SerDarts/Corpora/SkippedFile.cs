namespace SerDarts.Corpora;

/// <summary>A file a corpus scan could not use, and why (unreadable audio, no label, a missing file...).</summary>
public sealed record SkippedFile(string Path, string Reason);
