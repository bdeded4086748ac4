namespace SerDarts.Notebooks;

/// <summary>
/// A ready HTML fragment, displayed as text/html through SerDarts' kernel extension; create one with
/// <see cref="Display.Html"/>.
/// </summary>
public sealed record HtmlContent(string Html)
{
    public override string ToString() => Html;
}

/// <summary>Writes an <see cref="HtmlContent"/> unchanged.</summary>
internal sealed class HtmlContentFormatter : HtmlFormatter<HtmlContent>
{
    public override string ToHtml(HtmlContent value) => value.Html;
}
