using System.Globalization;

namespace SerDarts.Features;

/// <summary>
/// A parsed <c>features.normalization</c>: <c>none</c> (raw features), <c>fold</c> (the training part's
/// statistics), <c>speaker</c> (every speaker's own statistics, validation and test speakers' from all their
/// unlabelled clips) or <c>enrolment:N</c> (as <c>speaker</c> for training speakers; a validation or test
/// speaker's statistics come from N of its clips, which are then not scored: <see cref="SpeakerEnrolment"/>).
/// Every level that standardises takes its statistics over valid frames only and sets padding frames to 0.
/// </summary>
/// <param name="Kind"><see cref="None"/>, <see cref="Fold"/>, <see cref="Speaker"/> or <see cref="Enrolment"/>.</param>
/// <param name="EnrolmentClips">N of <c>enrolment:N</c>; 0 for the other kinds.</param>
public sealed record NormalizationLevel(string Kind, int EnrolmentClips = 0)
{
    public const string None = "none";
    public const string Fold = "fold";
    public const string Speaker = "speaker";
    public const string Enrolment = "enrolment";

    /// <summary>The accepted forms, for error messages.</summary>
    public const string Forms = "none, fold, speaker or enrolment:N (N >= 1 clips per validation and test speaker)";

    /// <summary>Each speaker standardised with statistics of its own audio (<see cref="Speaker"/> or <see cref="Enrolment"/>).</summary>
    public bool PerSpeaker => Kind is Speaker or Enrolment;

    public static bool TryParse(string? text, out NormalizationLevel? level)
    {
        level = text switch
        {
            None or Fold or Speaker => new NormalizationLevel(text),
            _ when text?.StartsWith(Enrolment + ":", StringComparison.Ordinal) == true
                   && text.Length > Enrolment.Length + 1 && text[(Enrolment.Length + 1)..].All(char.IsAsciiDigit)
                   && int.TryParse(text[(Enrolment.Length + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1
                => new NormalizationLevel(Enrolment, n),
            _ => null,
        };
        return level is not null;
    }

    /// <summary>The level, or an error naming <paramref name="path"/>.</summary>
    public static NormalizationLevel Parse(string? text, string path = "features.normalization") =>
        TryParse(text, out var level) ? level! : throw new ArgumentException($"{path} '{text}' is not {Forms}");

    /// <summary>The spec's string: "enrolment:4", "speaker"...</summary>
    public override string ToString() => Kind == Enrolment ? $"{Enrolment}:{EnrolmentClips.ToString(CultureInfo.InvariantCulture)}" : Kind;
}
