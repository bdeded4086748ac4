namespace SerDarts.Corpora;

/// <summary>Which IEMOCAP dialogs a scan keeps.</summary>
public enum DialogKind
{
    All,
    Improvised,
    Scripted,
}
