using System.Text.RegularExpressions;

namespace SerDarts.Corpora;

/// <summary>
/// RAVDESS: Actor_XX/MM-VV-EE-II-SS-RR-AA.wav (modality, vocal channel, emotion, intensity, statement,
/// repetition, actor; odd actors are male). Emotions 01 neutral, 03 happy, 04 sad, 05 angry map onto the 4
/// classes; 02 calm, 06 fearful, 07 disgust, 08 surprised are kept under those names.
/// </summary>
public sealed partial class RavdessLoader : ICorpusLoader
{
    private static readonly string[] Emotions =
        ["", EmotionClasses.Neutral, "calm", EmotionClasses.Happy, EmotionClasses.Sad, EmotionClasses.Angry, "fearful", "disgust", "surprised"];

    public string Name => "ravdess";

    [GeneratedRegex(@"^(\d{2})-(\d{2})-(\d{2})-(\d{2})-(\d{2})-(\d{2})-(\d{2})$")]
    private static partial Regex Pattern();

    public CorpusScan Scan(string root, CorpusOptions? options = null, IProgress<int>? progress = null) =>
        FileNameScan.Run(root, Name, null, Parse, progress);

    internal static NamedFile? Parse(string stem, out string reason)
    {
        reason = "";
        var m = Pattern().Match(stem);
        if (!m.Success)
        {
            reason = "name does not follow RAVDESS' MM-VV-EE-II-SS-RR-AA.wav";
            return null;
        }
        int Field(int i) => int.Parse(m.Groups[i].Value);
        int emotion = Field(3), actor = Field(7);
        if (emotion is < 1 or > 8)
        {
            reason = $"unknown RAVDESS emotion code {m.Groups[3].Value}";
            return null;
        }
        var extras = new Dictionary<string, string>
        {
            ["modality"] = m.Groups[1].Value,
            ["vocal_channel"] = Field(2) == 2 ? "song" : "speech",
            ["intensity"] = Field(4) == 2 ? "strong" : "normal",
            ["statement"] = m.Groups[5].Value,
            ["repetition"] = m.Groups[6].Value,
            ["gender"] = actor % 2 == 1 ? "male" : "female",
        };
        return new NamedFile(Emotions[emotion], $"Actor_{m.Groups[7].Value}", extras);
    }
}
