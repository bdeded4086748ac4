using System.Globalization;
using System.Reflection;

namespace SerDarts.Notebooks;

/// <summary>
/// An immutable registry of notebook formatters (type and MIME type to a rendering). <see cref="Default"/>
/// holds every <see cref="INotebookFormatter"/> class of the SerDarts assembly; SerDarts' kernel extension
/// (SerDarts.Interactive, packed under interactive-extensions/dotnet) registers each of them with the kernel's
/// <c>Microsoft.DotNet.Interactive.Formatting.Formatter</c>, and reports and tests render through it directly.
/// </summary>
public sealed class NotebookFormatters
{
    private static readonly Lazy<NotebookFormatters> Discovered = new(() => new NotebookFormatters(Discover()));

    private readonly IReadOnlyList<INotebookFormatter> _formatters;

    /// <summary>Formatters in priority order: on equally specific types the earlier one wins.</summary>
    public NotebookFormatters(IEnumerable<INotebookFormatter> formatters) => _formatters = formatters.ToList();

    /// <summary>The library's own formatters, found once by reflection over the SerDarts assembly.</summary>
    public static NotebookFormatters Default => Discovered.Value;

    /// <summary>All formatters, highest priority first.</summary>
    public IReadOnlyList<INotebookFormatter> All => _formatters;

    /// <summary>
    /// The formatter for values of <paramref name="valueType"/> as <paramref name="mimeType"/>: the one
    /// registered for the most derived type the value is assignable to; null when none applies.
    /// </summary>
    public INotebookFormatter? Find(Type valueType, string mimeType)
    {
        var candidates = _formatters
            .Where(f => f.MimeType == mimeType && f.Type.IsAssignableFrom(valueType))
            .ToList();
        return candidates.FirstOrDefault(c =>
            !candidates.Any(o => o.Type != c.Type && c.Type.IsAssignableFrom(o.Type)));
    }

    /// <summary>Renders <paramref name="value"/> as <paramref name="mimeType"/> when a formatter accepts it.</summary>
    public bool TryFormat(object value, string mimeType, out string text)
    {
        text = "";
        var formatter = Find(value.GetType(), mimeType);
        if (formatter is null) return false;
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        if (!formatter.Format(value, writer)) return false;
        text = writer.ToString();
        return true;
    }

    /// <summary>The HTML rendering of <paramref name="value"/>, or null when no HTML formatter applies.</summary>
    public string? ToHtml(object value) => TryFormat(value, NotebookMimeTypes.Html, out var html) ? html : null;

    private static IEnumerable<INotebookFormatter> Discover()
    {
        Type?[] types;
        try { types = typeof(NotebookFormatters).Assembly.GetTypes(); }
        catch (ReflectionTypeLoadException e) { types = e.Types; } // keep what loads; skip the rest
        return types
            .Where(t => t is { IsAbstract: false, IsInterface: false, ContainsGenericParameters: false }
                        && typeof(INotebookFormatter).IsAssignableFrom(t)
                        && t.GetConstructor(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance,
                            Type.EmptyTypes) is not null)
            .OrderBy(t => t!.FullName, StringComparer.Ordinal)
            .Select(t => (INotebookFormatter)Activator.CreateInstance(t!, nonPublic: true)!)
            .ToList();
    }
}
