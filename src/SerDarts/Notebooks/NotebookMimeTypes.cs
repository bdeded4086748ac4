namespace SerDarts.Notebooks;

/// <summary>The MIME types notebook outputs use.</summary>
public static class NotebookMimeTypes
{
    public const string Html = "text/html";
    public const string PlainText = "text/plain";
    public const string Markdown = "text/markdown";
    public const string Json = "application/json";
    public const string Svg = "image/svg+xml";
    public const string Png = "image/png";
}
