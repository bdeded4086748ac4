using SerDarts.Corpora;

namespace SerDarts.Experiments.Analysis;

/// <summary>
/// The independent unit a trial's test speakers belong to: <paramref name="Kind"/> says what a unit is
/// ("session" or "fold"), <paramref name="Key"/> which one. Under loso (and loso-single) the folds of one session
/// train on the same speakers, so the session is the unit; under every other split each fold has a training set of
/// its own and the fold is the unit. Under split.validation = other-session the two folds of a session differ by one
/// validation speaker but share the rest of their training set and their dialogues: the unit stays the session (the
/// conservative reading). Comparisons reduce their observations to one value per unit before testing.
/// </summary>
public sealed record InferenceUnit(string Kind, string Key)
{
    public const string Session = "session", Fold = "fold";

    /// <summary>The unit of fold <paramref name="fold"/>, named <paramref name="foldName"/> (its stored name, e.g.
    /// "Session1 test:Ses01F val:Ses01M"), under <paramref name="split"/>. A session fold whose name does not say
    /// its session (a trial stored without a fold description) counts as a fold of its own.</summary>
    public static InferenceUnit Of(string? split, int fold, string? foldName)
    {
        var sessions = SplitProtocol.TryParse(split, out var protocol)
                       && protocol.Kind is SplitKind.LeaveOneSessionOut or SplitKind.LeaveOneSessionOutSingle;
        var marker = foldName?.IndexOf(" test:", StringComparison.Ordinal) ?? -1;
        return sessions && marker > 0
            ? new InferenceUnit(Session, foldName![..marker])
            : new InferenceUnit(Fold, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"fold {fold}"));
    }

    /// <summary>The kind shared by <paramref name="kinds"/>, or "fold" if they mix kinds (the stricter reading).</summary>
    public static string KindOf(IEnumerable<string> kinds)
    {
        var distinct = kinds.Distinct(StringComparer.Ordinal).ToList();
        return distinct.Count == 1 ? distinct[0] : Fold;
    }
}
