namespace SerDarts.Notebooks;

/// <summary>
/// Names the formatter source of the type it decorates. .NET Interactive matches this attribute by its class
/// name (TypeFormatterSourceAttribute) and reads <see cref="FormatterSourceType"/> and
/// <see cref="PreferredMimeTypes"/> by reflection, so the library needs no kernel package; the headless
/// runner honours the same convention.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = true, Inherited = true)]
public sealed class TypeFormatterSourceAttribute(Type formatterSourceType) : Attribute
{
    /// <summary>A type with a parameterless constructor and a public <c>CreateTypeFormatters()</c>.</summary>
    public Type FormatterSourceType { get; } = formatterSourceType;

    /// <summary>MIME types the kernel should prefer for the decorated type (null: its default, text/html).</summary>
    public string[]? PreferredMimeTypes { get; set; }
}
