using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using SerDarts.Audio;

namespace SerDarts.Corpora;

/// <summary>
/// `corpus inspect --deep`: every utterance of a scan decoded in full. Files that cannot be used (unreadable,
/// NaN or infinite samples, no samples) leave the scan and join its skipped files; usable files that look
/// wrong (digital silence, clipping, a duration outlier) are flagged. Rules: docs/arch/corpora.md, "Bad audio".
/// </summary>
/// <param name="Scan">The scan without the unusable files, which are listed in its <see cref="CorpusScan.Skipped"/>.</param>
/// <param name="Unusable">The files the decoding left out, with the reason, by path.</param>
/// <param name="Flags">Warnings about usable files, by path then kind.</param>
/// <param name="Decoded">Files decoded (the utterances of the input scan).</param>
public sealed record CorpusAudit(CorpusScan Scan, IReadOnlyList<SkippedFile> Unusable, IReadOnlyList<AudioFlag> Flags, int Decoded)
{
    /// <summary>Decodes each utterance's file at its own rate; <paramref name="progress"/> counts decoded files.</summary>
    public static CorpusAudit Run(CorpusScan scan, IProgress<int>? progress = null)
    {
        var unusable = new List<SkippedFile>();
        var flags = new List<AudioFlag>();
        var durations = new List<(string Path, double Seconds)>();
        int decoded = 0;
        foreach (var u in scan.Utterances)
        {
            if (Decode(u.Path, out var reason) is { } clip)
            {
                durations.Add((u.Path, clip.DurationSeconds));
                if (AudioCheck.Silence(clip.Samples) is { } silence) flags.Add(new AudioFlag(u.Path, AudioFlagKind.Silence, silence));
                if (AudioCheck.Clipping(clip.Samples) is { } clipping) flags.Add(new AudioFlag(u.Path, AudioFlagKind.Clipping, clipping));
            }
            else
            {
                unusable.Add(new SkippedFile(u.Path, reason!));
            }
            decoded++;
            progress?.Report(decoded);
        }
        var (outliers, median) = DurationOutliers.Find(durations.Select(d => d.Seconds).ToList());
        foreach (var (index, z) in outliers)
            flags.Add(new AudioFlag(durations[index].Path, AudioFlagKind.Duration, string.Create(CultureInfo.InvariantCulture,
                $"duration {durations[index].Seconds:F2} s, robust z {z:F1} (median {median:F2} s)")));
        return new CorpusAudit(scan.Without(unusable), unusable.OrderBy(s => s.Path, StringComparer.Ordinal).ToList(),
            flags.OrderBy(f => f.Path, StringComparer.Ordinal).ThenBy(f => f.Kind).ToList(), decoded);
    }

    /// <summary>
    /// The `corpus inspect --deep --json` object: the summary's keys (<see cref="CorpusSummaryJson"/>), then
    /// "deep": {decoded, unusable, flagged: [{path, kind, detail}]}.
    /// </summary>
    public string ToJson()
    {
        var root = JsonNode.Parse(Scan.Summarize().ToJson())!.AsObject();
        root["deep"] = new JsonObject
        {
            ["decoded"] = Decoded,
            ["unusable"] = Unusable.Count,
            ["flagged"] = new JsonArray(Flags.Select(f => (JsonNode)new JsonObject
            {
                ["path"] = f.Path,
                ["kind"] = f.Kind.ToString().ToLowerInvariant(),
                ["detail"] = f.Detail,
            }).ToArray()),
        };
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    private static AudioClip? Decode(string path, out string? reason)
    {
        try
        {
            var clip = WavReader.Read(path);
            reason = AudioCheck.Unusable(clip.Samples);
            return reason is null ? clip : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            reason = e is AudioFormatException a ? a.Problem : e.Message;
            return null;
        }
    }
}
