using System.Globalization;
using System.Text;
using SerDarts.Corpora;
using SerDarts.Experiments.Prediction;

namespace SerDarts.Notebooks;

/// <summary>A prediction as one table row per file: its four probabilities as bars, the most probable class in
/// bold; the model, its normalisation and any warning above.</summary>
internal sealed class PredictionReportHtml : HtmlFormatter<PredictionReport>
{
    public override string ToHtml(PredictionReport value)
    {
        var html = new StringBuilder();
        html.Append("<div class=\"serdarts-prediction\">");
        html.Append(CultureInfo.InvariantCulture,
            $"<p>{Escape(value.Model)} model of <code>{Escape(value.Run)}</code>; normalisation: {Escape(value.Normalization)}</p>\n");
        foreach (var warning in value.Warnings)
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"serdarts-warning\" style=\"color:#a15c00\">warning: {Escape(warning)}</p>\n");
        html.Append("<table><thead><tr><th>file</th><th>windows</th>");
        foreach (var c in EmotionClasses.FourClass) html.Append(CultureInfo.InvariantCulture, $"<th>{Escape(c)}</th>");
        html.Append("</tr></thead><tbody>\n");
        foreach (var file in value.Files)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td title=\"{Escape(file.File)}\">{Escape(Path.GetFileName(file.File))}</td><td>{file.Windows}</td>");
            for (int c = 0; c < EmotionClasses.FourClass.Count; c++)
            {
                double p = file.Probabilities[c];
                bool best = EmotionClasses.FourClass[c] == file.Emotion;
                html.Append(CultureInfo.InvariantCulture,
                    $"<td{(best ? " style=\"font-weight:bold\"" : "")}><div style=\"background:#4c78a8;height:0.6em;width:{p * 100:F1}%\"></div>{p:F3}</td>");
            }
            html.Append("</tr>\n");
        }
        html.Append("</tbody></table></div>");
        return html.ToString();
    }
}
