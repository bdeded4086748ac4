using System.Net;

namespace SerDarts.Notebooks;

/// <summary>
/// Base of the library's HTML formatters. Every non-abstract subclass in the SerDarts assembly with a
/// parameterless constructor joins <see cref="NotebookFormatters.Default"/>: an area adds a notebook view of
/// its type by adding one such class; the kernel extension registers it.
/// </summary>
public abstract class HtmlFormatter<T> : INotebookFormatter
{
    public Type Type => typeof(T);

    public string MimeType => NotebookMimeTypes.Html;

    public bool Format(object value, TextWriter writer)
    {
        if (value is not T typed) return false;
        writer.Write(ToHtml(typed));
        return true;
    }

    /// <summary>The HTML fragment for <paramref name="value"/>.</summary>
    public abstract string ToHtml(T value);

    /// <summary>Escapes text for HTML element content and attribute values.</summary>
    protected static string Escape(string? text) => WebUtility.HtmlEncode(text ?? "");
}
