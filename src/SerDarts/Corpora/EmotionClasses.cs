namespace SerDarts.Corpora;

/// <summary>The 4-class set of the seed paper, in the order used for class indices everywhere.</summary>
public static class EmotionClasses
{
    public const string Neutral = "neutral";
    public const string Happy = "happy";
    public const string Sad = "sad";
    public const string Angry = "angry";

    public static IReadOnlyList<string> FourClass { get; } = [Neutral, Happy, Sad, Angry];

    /// <summary>Class index of a 4-class label, or -1 for labels outside the set.</summary>
    public static int IndexOf(string emotion) => emotion switch
    {
        Neutral => 0,
        Happy => 1,
        Sad => 2,
        Angry => 3,
        _ => -1,
    };

    /// <summary>True for neutral, happy, sad and angry.</summary>
    public static bool IsFourClass(string emotion) => IndexOf(emotion) >= 0;

    /// <summary>
    /// A free-text label (manifests) in SerDarts' names: trimmed, lower-cased, common spellings of the four
    /// classes mapped onto them ("neu", "happiness", "sadness", "anger", ...); anything else kept as written.
    /// </summary>
    public static string Normalize(string label)
    {
        var l = label.Trim().ToLowerInvariant();
        return l switch
        {
            "neu" or "neutral" => Neutral,
            "hap" or "happy" or "happiness" => Happy,
            "sad" or "sadness" => Sad,
            "ang" or "angry" or "anger" => Angry,
            _ => l,
        };
    }
}
