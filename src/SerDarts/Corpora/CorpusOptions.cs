namespace SerDarts.Corpora;

/// <summary>
/// Options of a corpus scan, i.e. which subset of a corpus an experiment uses; loaders ignore those that do not
/// apply to their corpus. <see cref="CanonicalString"/> names every option, so a spec hash can include it.
/// </summary>
public sealed record CorpusOptions
{
    /// <summary>IEMOCAP: all dialogs (default), improvised only or scripted only.</summary>
    public DialogKind Dialogs { get; init; } = DialogKind.All;

    /// <summary>IEMOCAP: excited merged into happy (default) or left out of the four classes.</summary>
    public ExcitedLabel Excited { get; init; } = ExcitedLabel.MergeIntoHappy;

    /// <summary>
    /// IEMOCAP: keep one recording per improvisation, as jayaneetha/emoDARTS does. Each improvisation of a
    /// session was recorded twice (Ses01F_impro01 and Ses01M_impro01); their script keeps the first folder of
    /// each (session, "impro" + two digits) that glob lists, which is file-system order. SerDarts keeps the
    /// first in ordinal order, the F recording, so the subset is reproducible but may not be the very folders
    /// the authors used. Scripted dialogs are not affected.
    /// </summary>
    public bool OneRecordingPerImprovisation { get; init; }

    public static CorpusOptions Default { get; } = new();

    /// <summary>The authors' subset: improvised dialogs only, one recording per improvisation, excited left out.</summary>
    public static CorpusOptions Emodarts { get; } = new()
    {
        Dialogs = DialogKind.Improvised,
        Excited = ExcitedLabel.LeaveOut,
        OneRecordingPerImprovisation = true,
    };

    /// <summary>True for the default options (all dialogs, excited merged, every recording).</summary>
    public bool IsDefault => this == Default;

    /// <summary>Every option in a fixed order, e.g. "dialogs=improvised;excited=leave-out;impro=one-recording".</summary>
    public string CanonicalString() =>
        $"dialogs={Dialogs.ToString().ToLowerInvariant()};" +
        $"excited={(Excited == ExcitedLabel.MergeIntoHappy ? "happy" : "leave-out")};" +
        $"impro={(OneRecordingPerImprovisation ? "one-recording" : "all-recordings")}";

    /// <summary>
    /// Reads <see cref="CanonicalString"/>'s form: "key=value" pairs separated by ';', in any order; keys left out
    /// keep their defaults. Keys: dialogs (all, improvised, scripted), excited (happy, leave-out), impro
    /// (all-recordings, one-recording).
    /// </summary>
    public static CorpusOptions Parse(string text)
    {
        var options = Default;
        foreach (var part in text.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = part.Split('=', 2, StringSplitOptions.TrimEntries);
            options = (kv[0].ToLowerInvariant(), kv.Length == 2 ? kv[1].ToLowerInvariant() : "") switch
            {
                ("dialogs", "all") => options with { Dialogs = DialogKind.All },
                ("dialogs", "improvised") => options with { Dialogs = DialogKind.Improvised },
                ("dialogs", "scripted") => options with { Dialogs = DialogKind.Scripted },
                ("excited", "happy") => options with { Excited = ExcitedLabel.MergeIntoHappy },
                ("excited", "leave-out") => options with { Excited = ExcitedLabel.LeaveOut },
                ("impro", "all-recordings") => options with { OneRecordingPerImprovisation = false },
                ("impro", "one-recording") => options with { OneRecordingPerImprovisation = true },
                _ => throw new FormatException($"corpus options '{text}': cannot read '{part}'; use dialogs=all|improvised|scripted, " +
                                               "excited=happy|leave-out, impro=all-recordings|one-recording"),
            };
        }
        return options;
    }

    public override string ToString() => CanonicalString();
}
