using System.Globalization;
using SerDarts.Corpora;
using SerDarts.Features;

namespace SerDarts.Experiments.Specs;

/// <summary>
/// The evaluation protocol of a spec in words, printed next to every number a table or report shows: the corpus
/// and its subset, who is tested and who validates, what part of each clip the network sees, and how the
/// reported epoch is chosen. Numbers with different protocols are not compared by subtraction.
/// </summary>
public static class ProtocolDescription
{
    /// <summary>How SerDarts scores a trial: the epoch with the best validation UA, evaluated once on the test speakers.</summary>
    public const string Honest = "epoch chosen on the validation speakers";

    /// <summary>How jayaneetha/emoDARTS reports: the best epoch measured on the test speakers themselves.</summary>
    public const string Optimistic = "best epoch on the test speakers (the authors' way; optimistic)";

    public static string Of(ExperimentSpec spec, string scoring = Honest) => string.Join(" · ",
        new[] { Corpus(spec.Corpus), Split(spec.Split), Window(spec.Features), Controls(spec), scoring }.Where(p => p.Length > 0));

    /// <summary>What the search and the random control's numbers are made of, where a spec departs from one cell per
    /// trial and alphas trained on clips of the training speakers.</summary>
    private static string Controls(ExperimentSpec spec)
    {
        var parts = new List<string>();
        if (spec.Network.Kind == Networks.NetworkKinds.Darts && spec.Search.Bilevel == Corpora.BilevelSplit.Speakers)
            parts.Add("architecture weights trained on held-out training speakers");
        if (spec.Network.Kind == Networks.NetworkKinds.Random)
        {
            var random = spec.Network.Random;
            if (random.Draws > 1) parts.Add(string.Create(CultureInfo.InvariantCulture, $"random control: {random.Draws} cells per fold and seed, pooled"));
            if (random.MatchParameters)
                parts.Add(string.Create(CultureInfo.InvariantCulture, $"random cells within {random.ParameterTolerance * 100:0.#}% of ") +
                          (random.ReferenceParameters is { } n ? string.Create(CultureInfo.InvariantCulture, $"{n:N0} parameters") : "the DARTS model's parameters"));
        }
        return string.Join(", ", parts);
    }

    /// <summary>A short key for grouping equal protocols: numbers under the same key may be subtracted.</summary>
    public static string Key(ExperimentSpec spec, string scoring = Honest) =>
        $"{spec.Corpus.Name}|{spec.Corpus.Options().CanonicalString()}|{spec.Split}|{spec.Features.Grid}|{spec.Features.Window.Mode}" +
        NormalizationKey(spec.Features) + $"|{scoring}";

    // The normalisation is part of the protocol only where it changes what a test number rests on: speaker reads
    // every test speaker's unlabelled audio, enrolment:N reads N clips each and scores the others. none and fold
    // are model choices on the same test clips, so they share a key (fold's, unchanged: "", as speaker's
    // "|per-speaker" is), and their numbers are compared.
    private static string NormalizationKey(FeatureSettings features) =>
        NormalizationLevel.TryParse(features.Normalization, out var level) && level!.Kind == NormalizationLevel.Enrolment
            ? $"|per-speaker-enrolment:{level.EnrolmentClips.ToString(CultureInfo.InvariantCulture)}"
            : features.Normalization == FeatureSettings.SpeakerNormalizationName ? "|per-speaker" : "";

    private static string NormalizationWords(FeatureSettings features) =>
        NormalizationLevel.TryParse(features.Normalization, out var level) ? level!.Kind switch
        {
            NormalizationLevel.Speaker => ", standardised per speaker (test speakers' unlabelled audio)",
            NormalizationLevel.Enrolment => string.Create(CultureInfo.InvariantCulture,
                $", standardised per speaker (each test speaker's statistics from {level.EnrolmentClips} enrolment clips, not scored)"),
            _ => "",
        } : "";

    private static string Corpus(CorpusSpec corpus)
    {
        var options = corpus.Options();
        var subset = options.IsDefault
            ? "all dialogs, excited merged into happy"
            : $"{options.Dialogs.ToString().ToLowerInvariant()} dialogs, excited {(options.Excited == ExcitedLabel.MergeIntoHappy ? "merged into happy" : "left out")}" +
              (options.OneRecordingPerImprovisation ? ", one recording per improvisation" : "");
        return $"{corpus.Name} ({subset})";
    }

    private static string Split(SplitSpec split) =>
        (SplitProtocol.TryParse(split.Protocol, out var protocol) ? $"{split.Protocol}: {protocol!.Description}" : split.Protocol) +
        (split.Validation == SplitSpec.OtherSession
            ? " (validation instead: a speaker of another training session, out of training; the session partner unused)" : "");

    private static string Window(FeatureSettings features)
    {
        var grid = features.ToFeatureSpec();
        var seconds = (double)grid.WindowSamples / grid.Preset.SampleRate;
        var text = string.Create(CultureInfo.InvariantCulture, $"{features.Kind} {grid.Rows}x{grid.Frames}, ");
        return text + (features.Window.IsWhole
            ? string.Create(CultureInfo.InvariantCulture, $"whole clips ({seconds:F2} s windows, logits averaged)")
            : string.Create(CultureInfo.InvariantCulture, $"first {seconds:F2} s of each clip"))
            + NormalizationWords(features);
    }
}
