using System.Text.RegularExpressions;

namespace SerDarts.Corpora;

/// <summary>
/// Berlin EmoDB: wav/&lt;speaker&gt;&lt;text&gt;&lt;E&gt;&lt;version&gt;.wav (e.g. 03a01Fa), German emotion letters:
/// N neutral, F Freude (happy), T Trauer (sad), W Ärger (angry) map onto the 4 classes; L Langeweile
/// (boredom), E Ekel (disgust), A Angst (fear) are kept under those English names.
/// </summary>
public sealed partial class EmodbLoader : ICorpusLoader
{
    private static readonly HashSet<string> FemaleSpeakers = ["08", "09", "13", "14", "16"];
    private static readonly HashSet<string> MaleSpeakers = ["03", "10", "11", "12", "15"];

    public string Name => "emodb";

    [GeneratedRegex(@"^(\d{2})([a-z]\d{2})([A-Z])([a-z])$")]
    private static partial Regex Pattern();

    public CorpusScan Scan(string root, CorpusOptions? options = null, IProgress<int>? progress = null) =>
        FileNameScan.Run(root, Name, "wav", Parse, progress);

    internal static NamedFile? Parse(string stem, out string reason)
    {
        reason = "";
        var m = Pattern().Match(stem);
        if (!m.Success)
        {
            reason = "name does not follow EmoDB's <speaker><text><E><version>.wav (e.g. 03a01Fa)";
            return null;
        }
        var emotion = m.Groups[3].Value switch
        {
            "N" => EmotionClasses.Neutral,
            "F" => EmotionClasses.Happy,
            "T" => EmotionClasses.Sad,
            "W" => EmotionClasses.Angry,
            "L" => "boredom",
            "E" => "disgust",
            "A" => "fear",
            _ => null,
        };
        if (emotion is null)
        {
            reason = $"unknown EmoDB emotion letter {m.Groups[3].Value}";
            return null;
        }
        var speaker = m.Groups[1].Value;
        var extras = new Dictionary<string, string>
        {
            ["text"] = m.Groups[2].Value,
            ["version"] = m.Groups[4].Value,
            ["gender"] = FemaleSpeakers.Contains(speaker) ? "female" : MaleSpeakers.Contains(speaker) ? "male" : "unknown",
        };
        return new NamedFile(emotion, speaker, extras);
    }
}
