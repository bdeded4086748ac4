using System.Text.Json.Serialization;

namespace SerDarts.Corpora;

/// <summary>
/// The split of a spec: the protocol (<see cref="SplitProtocol"/>: "loso", "lospk", ...) and who validates.
/// <see cref="Partner"/> (the default) keeps each protocol's rule; <see cref="OtherSession"/> (loso and lospk) takes a
/// speaker of another training session instead of the test speaker's session partner, so validation shares
/// neither dialogues nor recording session with the test speaker (rules on <see cref="Splits"/>). In JSON a plain
/// string ("loso") when the validation is the partner, as specs were written before, else
/// {"protocol": "loso", "validation": "other-session"}.
/// </summary>
[JsonConverter(typeof(SplitSpecJsonConverter))]
public sealed record SplitSpec(string Protocol, string Validation = SplitSpec.Partner)
{
    public const string Partner = "partner", OtherSession = "other-session";

    public static IReadOnlyList<string> ValidationRules { get; } = [Partner, OtherSession];

    public static implicit operator SplitSpec(string protocol) => new(protocol);

    /// <summary>The protocol, then the validation rule when it is not the partner: "loso (validation: other-session)".</summary>
    public override string ToString() => Validation == Partner ? Protocol : $"{Protocol} (validation: {Validation})";

    public IEnumerable<string> Errors(string path = "split")
    {
        bool parsed = SplitProtocol.TryParse(Protocol, out var protocol);
        if (!parsed) yield return $"{path} '{Protocol}' is not loso, loso-single, lospk, kfold:K (K >= 3) or emodarts";
        if (!ValidationRules.Contains(Validation))
            yield return $"{path}.validation '{Validation}' is not one of {string.Join(", ", ValidationRules)}";
        else if (parsed && Validation == OtherSession && protocol.Kind is not (SplitKind.LeaveOneSessionOut or SplitKind.LeaveOneSpeakerOut))
            yield return $"{path}.validation '{OtherSession}' applies to loso and lospk, not to '{Protocol}' (its validation speakers are not session partners)";
    }
}
