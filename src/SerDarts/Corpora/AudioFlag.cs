namespace SerDarts.Corpora;

/// <summary>A usable audio file that looks wrong, and how (`corpus inspect --deep`).</summary>
public sealed record AudioFlag(string Path, AudioFlagKind Kind, string Detail);
