namespace SerDarts.Corpora;

/// <summary>Which corpus a trial reads, and which subset of it (<see cref="CorpusOptions"/>).</summary>
/// <param name="Name">Corpus name as the corpora layer knows it ("sample", "iemocap", ...).</param>
/// <param name="Root">Folder holding the corpus; null means the embedded sample corpus (or the corpus' default location).</param>
public sealed record CorpusSpec(string Name = "sample", string? Root = null)
{
    /// <summary>IEMOCAP dialogs: "all", "improvised" or "scripted".</summary>
    public string Dialogs { get; init; } = "all";

    /// <summary>IEMOCAP's excited label: "happy" (merged into happy) or "leave-out".</summary>
    public string Excited { get; init; } = "happy";

    /// <summary>IEMOCAP: one recording per improvisation, as the emoDARTS authors (see <see cref="CorpusOptions"/>).</summary>
    public bool OneRecordingPerImprovisation { get; init; }

    /// <summary>The scan options these settings name.</summary>
    public CorpusOptions Options() => CorpusOptions.Parse(
        $"dialogs={Dialogs};excited={Excited};impro={(OneRecordingPerImprovisation ? "one-recording" : "all-recordings")}");

    /// <summary>The settings of <paramref name="options"/> on this corpus.</summary>
    public CorpusSpec With(CorpusOptions options) => this with
    {
        Dialogs = options.Dialogs.ToString().ToLowerInvariant(),
        Excited = options.Excited == ExcitedLabel.MergeIntoHappy ? "happy" : "leave-out",
        OneRecordingPerImprovisation = options.OneRecordingPerImprovisation,
    };

    public IEnumerable<string> Errors(string path = "corpus")
    {
        if (string.IsNullOrWhiteSpace(Name)) yield return $"{path}.name is required";
        if (Dialogs is not ("all" or "improvised" or "scripted")) yield return $"{path}.dialogs '{Dialogs}' is not all, improvised or scripted";
        if (Excited is not ("happy" or "leave-out")) yield return $"{path}.excited '{Excited}' is not happy or leave-out";
    }
}
