using System.Text.RegularExpressions;

namespace SerDarts.Corpora;

/// <summary>
/// CREMA-D: AudioWAV/&lt;actor&gt;_&lt;sentence&gt;_&lt;EMO&gt;_&lt;level&gt;.wav (e.g. 1001_DFA_ANG_XX). NEU, HAP, SAD, ANG
/// map onto the 4 classes; DIS (disgust) and FEA (fear) are kept under those names.
/// </summary>
public sealed partial class CremadLoader : ICorpusLoader
{
    public string Name => "cremad";

    [GeneratedRegex(@"^(\d{4})_([A-Z]{3})_([A-Z]{3})_([A-Z]{2})$")]
    private static partial Regex Pattern();

    public CorpusScan Scan(string root, CorpusOptions? options = null, IProgress<int>? progress = null) =>
        FileNameScan.Run(root, Name, "AudioWAV", Parse, progress);

    internal static NamedFile? Parse(string stem, out string reason)
    {
        reason = "";
        var m = Pattern().Match(stem);
        if (!m.Success)
        {
            reason = "name does not follow CREMA-D's <actor>_<sentence>_<EMO>_<level>.wav";
            return null;
        }
        var emotion = m.Groups[3].Value switch
        {
            "NEU" => EmotionClasses.Neutral,
            "HAP" => EmotionClasses.Happy,
            "SAD" => EmotionClasses.Sad,
            "ANG" => EmotionClasses.Angry,
            "DIS" => "disgust",
            "FEA" => "fear",
            _ => null,
        };
        if (emotion is null)
        {
            reason = $"unknown CREMA-D emotion code {m.Groups[3].Value}";
            return null;
        }
        var level = m.Groups[4].Value switch { "LO" => "low", "MD" => "medium", "HI" => "high", _ => "unspecified" };
        var extras = new Dictionary<string, string> { ["sentence"] = m.Groups[2].Value, ["level"] = level };
        return new NamedFile(emotion, m.Groups[1].Value, extras);
    }
}
