namespace SerDarts.Notebooks;

/// <summary>
/// Renders values of one type as one MIME type. The library itself needs no kernel package: SerDarts'
/// kernel extension registers these with the kernel's formatter, which calls <see cref="Format"/>.
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
