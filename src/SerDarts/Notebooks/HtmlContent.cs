namespace SerDarts.Notebooks;

/// <summary>
/// A ready HTML fragment. Displayed as text/html by the real kernel (through the formatter-source
/// convention) and by the headless runner alike; create one with <see cref="Display.Html"/>.
/// </summary>
[TypeFormatterSource(typeof(SerDartsFormatterSource), PreferredMimeTypes = [NotebookMimeTypes.Html])]
public sealed record HtmlContent(string Html)
{
    public override string ToString() => Html;
}

/// <summary>Writes an <see cref="HtmlContent"/> unchanged.</summary>
internal sealed class HtmlContentFormatter : HtmlFormatter<HtmlContent>
{
    public override string ToHtml(HtmlContent value) => value.Html;
}
