using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace SerDarts.Corpora;

/// <summary>
/// Writes a summary as one JSON object with exactly the keys `corpus inspect --json` documents, in this order:
/// utterances, classes (neutral, happy, sad, angry), speakers, sessions, duration_s (milliseconds precision),
/// dropped_labels, skipped ([{path, reason}]).
/// </summary>
public static class CorpusSummaryJson
{
    public static string Write(CorpusSummary summary)
    {
        var buffer = new MemoryStream();
        var options = new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        using (var w = new Utf8JsonWriter(buffer, options))
        {
            w.WriteStartObject();
            w.WriteNumber("utterances", summary.Utterances);
            w.WriteStartObject("classes");
            for (int c = 0; c < EmotionClasses.FourClass.Count; c++)
                w.WriteNumber(EmotionClasses.FourClass[c], summary.Classes[c]);
            w.WriteEndObject();
            w.WriteNumber("speakers", summary.Speakers);
            w.WriteNumber("sessions", summary.Sessions);
            w.WriteNumber("duration_s", Math.Round(summary.DurationSeconds, 3));
            w.WriteStartObject("dropped_labels");
            foreach (var (label, count) in summary.DroppedLabels.OrderBy(p => p.Key, StringComparer.Ordinal))
                w.WriteNumber(label, count);
            w.WriteEndObject();
            w.WriteStartArray("skipped");
            foreach (var s in summary.Skipped)
            {
                w.WriteStartObject();
                w.WriteString("path", s.Path);
                w.WriteString("reason", s.Reason);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
