namespace SerDarts.Corpora;

/// <summary>A split protocol: "loso", "loso-single", "lospk", "kfold:K" (K at least 3) or "emodarts".</summary>
public sealed record SplitProtocol
{
    private SplitProtocol(SplitKind kind, int k)
    {
        Kind = kind;
        K = k;
    }

    public SplitKind Kind { get; }

    /// <summary>Number of folds for <see cref="SplitKind.SpeakerKFold"/>; 0 otherwise.</summary>
    public int K { get; }

    public static SplitProtocol LeaveOneSessionOut { get; } = new(SplitKind.LeaveOneSessionOut, 0);

    public static SplitProtocol LeaveOneSessionOutSingle { get; } = new(SplitKind.LeaveOneSessionOutSingle, 0);

    public static SplitProtocol LeaveOneSpeakerOut { get; } = new(SplitKind.LeaveOneSpeakerOut, 0);

    public static SplitProtocol Emodarts { get; } = new(SplitKind.Emodarts, 0);

    public static SplitProtocol SpeakerKFold(int k) => k >= 3
        ? new(SplitKind.SpeakerKFold, k)
        : throw new ArgumentOutOfRangeException(nameof(k), k, "speaker k-fold needs k >= 3 (test, validation and training groups)");

    /// <summary>
    /// Parses "loso" / "leave-one-session-out", "loso-single", "lospk" / "leave-one-speaker-out",
    /// "kfold:K" / "speaker-kfold:K" and "emodarts" (case and surrounding spaces ignored).
    /// </summary>
    public static SplitProtocol Parse(string text) =>
        TryParse(text, out var protocol) ? protocol
            : throw new FormatException($"unknown split protocol '{text}'; use loso, loso-single, lospk, kfold:K (K >= 3) or emodarts");

    public static bool TryParse(string? text, out SplitProtocol protocol)
    {
        var t = text?.Trim().ToLowerInvariant() ?? "";
        SplitProtocol? named = t switch
        {
            "loso" or "leave-one-session-out" => LeaveOneSessionOut,
            "loso-single" => LeaveOneSessionOutSingle,
            "lospk" or "leave-one-speaker-out" => LeaveOneSpeakerOut,
            "emodarts" => Emodarts,
            _ => null,
        };
        protocol = named ?? LeaveOneSessionOut;
        if (named is not null)
            return true;
        var parts = t.Split(':');
        if (parts.Length == 2 && parts[0] is ("kfold" or "speaker-kfold") && int.TryParse(parts[1], out int k) && k >= 3)
        {
            protocol = new SplitProtocol(SplitKind.SpeakerKFold, k);
            return true;
        }
        return false;
    }

    /// <summary>One line for reports: who is tested, who validates, who trains.</summary>
    public string Description => Kind switch
    {
        SplitKind.LeaveOneSessionOut => "each speaker tested once; validation: the other speakers of its session; training: the other sessions",
        SplitKind.LeaveOneSessionOutSingle => "one fold per session; validation: one seed-chosen speaker of the session, test: the others; training: the other sessions",
        SplitKind.LeaveOneSpeakerOut => "each speaker tested once; validation: a seed-chosen speaker of its session (else of the corpus); training: everyone else",
        SplitKind.Emodarts => "the authors' five folds of two IEMOCAP speakers; validation: the next fold's two speakers; training: the other six",
        _ => $"speakers dealt into {K} seeded groups; fold i tests group i, validates on group i+1; training: the rest",
    };

    public override string ToString() => Kind switch
    {
        SplitKind.LeaveOneSessionOut => "loso",
        SplitKind.LeaveOneSessionOutSingle => "loso-single",
        SplitKind.LeaveOneSpeakerOut => "lospk",
        SplitKind.Emodarts => "emodarts",
        _ => $"kfold:{K}",
    };
}
