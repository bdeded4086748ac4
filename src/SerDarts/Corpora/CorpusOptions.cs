namespace SerDarts.Corpora;

/// <summary>Which IEMOCAP dialogs a scan keeps.</summary>
public enum DialogKind
{
    All,
    Improvised,
    Scripted,
}

/// <summary>Options of a corpus scan; loaders ignore those that do not apply to their corpus.</summary>
public sealed record CorpusOptions
{
    /// <summary>IEMOCAP: all dialogs (default), improvised only or scripted only.</summary>
    public DialogKind Dialogs { get; init; } = DialogKind.All;

    public static CorpusOptions Default { get; } = new();
}
