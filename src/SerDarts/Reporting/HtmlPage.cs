
namespace SerDarts.Reporting;

/// <summary>The page skeleton shared by reports and single-chart pages: styles, the render tracker, plotly.js.</summary>
internal static class HtmlPage
{
    public static string Document(string title, string body) => $$"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{Html.Encode(title)}}</title>
        <style>{{Styles}}</style>
        {{ChartHtml.HeadElements()}}
        </head>
        <body>
        {{body}}
        <pre id="serdarts-errors" class="errors"></pre>
        </body>
        </html>
        """;

    private const string Styles = """
        body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2rem auto; max-width: 1200px; color: #222; padding: 0 1rem; }
        h1 { font-size: 1.6rem; } h2 { font-size: 1.3rem; margin-top: 2.5rem; border-bottom: 1px solid #ddd; } h3 { font-size: 1.1rem; }
        table.results { border-collapse: collapse; margin: 0.8rem 0; font-size: 0.9rem; }
        table.results th, table.results td { border: 1px solid #ccc; padding: 0.25rem 0.6rem; text-align: left; }
        table.results th { background: #f2f4f7; } table.results td.number { text-align: right; font-variant-numeric: tabular-nums; }
        .chart { width: 100%; min-height: 420px; } .note { color: #555; font-size: 0.9rem; } .grid { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; }
        .errors:empty { display: none; } .errors { color: #a00; white-space: pre-wrap; }
        code { background: #f4f4f4; padding: 0 0.2rem; }
        .warning { background: #fff4e5; border: 1px solid #e67e22; border-left: 6px solid #e67e22; padding: 0.6rem 0.8rem; color: #6b3a00; }
        details { margin: 0.4rem 0; } details summary { cursor: pointer; color: #333; }
        """;
}
