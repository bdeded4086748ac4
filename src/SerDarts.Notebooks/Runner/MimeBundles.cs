using System.Collections;
using System.Globalization;
using System.Net;

namespace SerDarts.Notebooks.Runner;

/// <summary>
/// Turns a displayed value into a MIME bundle the way the C# kernel does: strings are text/plain, other
/// values text/html, rendered by the library's <see cref="NotebookFormatters"/>, else by a formatter source
/// named in a <c>TypeFormatterSourceAttribute</c> on the value's type (the kernel's convention, matched by
/// name), else as the kernel's plain-text fallback. Objects also carry text/plain for text-only readers.
/// </summary>
public sealed class MimeBundles(NotebookFormatters formatters)
{
    private const int ListLimit = 20;

    public IReadOnlyDictionary<string, string> For(object? value, IReadOnlyList<string> mimeTypes)
    {
        if (value is null) return new Dictionary<string, string> { [NotebookMimeTypes.PlainText] = "<null>" };
        if (value is string text)
            return (mimeTypes.Count == 0 ? [NotebookMimeTypes.PlainText] : mimeTypes).ToDictionary(m => m, _ => text);
        var bundle = new Dictionary<string, string>();
        foreach (var mime in mimeTypes.Count == 0 ? [NotebookMimeTypes.Html] : mimeTypes)
            bundle[mime] = Format(value, mime);
        bundle.TryAdd(NotebookMimeTypes.PlainText, PlainText(value));
        return bundle;
    }

    private string Format(object value, string mime)
    {
        if (formatters.TryFormat(value, mime, out var text)) return text;
        if (TryConventionFormatter(value, mime, out text)) return text;
        return mime == NotebookMimeTypes.Html
            ? $"<div class=\"dni-plaintext\"><pre>{WebUtility.HtmlEncode(PlainText(value))}</pre></div>"
            : PlainText(value);
    }

    /// <summary>The kernel's convention: [TypeFormatterSource(typeof(S))] with S.CreateTypeFormatters().</summary>
    private static bool TryConventionFormatter(object value, string mime, out string text)
    {
        text = "";
        foreach (var attribute in value.GetType().GetCustomAttributes(true)
                     .Where(a => a.GetType().Name == "TypeFormatterSourceAttribute"))
        {
            if (attribute.GetType().GetProperty("FormatterSourceType")?.GetValue(attribute) is not Type sourceType) continue;
            var source = Activator.CreateInstance(sourceType);
            if (sourceType.GetMethod("CreateTypeFormatters")?.Invoke(source, null) is not IEnumerable created) continue;
            foreach (var formatter in created.Cast<object>())
            {
                var type = formatter.GetType();
                if (type.GetProperty("MimeType")?.GetValue(formatter) as string != mime) continue;
                if (type.GetProperty("Type")?.GetValue(formatter) is Type t && !t.IsInstanceOfType(value)) continue;
                using var writer = new StringWriter(CultureInfo.InvariantCulture);
                var format = type.GetMethod("Format", [typeof(object), typeof(TextWriter)]);
                if (format is null || format.Invoke(formatter, [value, writer]) is false) continue;
                text = writer.ToString();
                return true;
            }
        }
        return false;
    }

    /// <summary>Plain text as the kernel writes it: sequences as "[ a, b, c ]", numbers invariant.</summary>
    public static string PlainText(object? value) => value switch
    {
        null => "<null>",
        string s => s,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable items => Sequence(items),
        _ => value.ToString() ?? "",
    };

    private static string Sequence(IEnumerable items)
    {
        var shown = new List<string>();
        int total = 0;
        foreach (var item in items)
        {
            if (total++ < ListLimit) shown.Add(PlainText(item));
        }
        var more = total > ListLimit ? $" ... ({total - ListLimit} more)" : "";
        return $"[ {string.Join(", ", shown)}{more} ]";
    }
}
