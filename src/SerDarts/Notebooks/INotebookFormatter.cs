namespace SerDarts.Notebooks;

/// <summary>
/// Renders values of one type as one MIME type. The member shape (Type, MimeType, a single public
/// <c>bool Format(object, TextWriter)</c>) is the one .NET Interactive looks for by convention on objects
/// returned by a formatter source, so the same formatter objects serve the real kernel and our runner.
/// </summary>
public interface INotebookFormatter
{
    /// <summary>The type formatted; derived types use it unless a more specific formatter exists.</summary>
    Type Type { get; }

    /// <summary>The MIME type written, e.g. <c>text/html</c>.</summary>
    string MimeType { get; }

    /// <summary>Writes <paramref name="value"/>; returns false when it declines the value.</summary>
    bool Format(object value, TextWriter writer);
}
