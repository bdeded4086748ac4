namespace SerDarts.Corpora;

/// <summary>How folds are formed.</summary>
public enum SplitKind
{
    /// <summary>One fold per session (IEMOCAP's 5 folds).</summary>
    LeaveOneSessionOut,

    /// <summary>One fold per speaker.</summary>
    LeaveOneSpeakerOut,

    /// <summary>Speakers dealt into K groups; one fold per group.</summary>
    SpeakerKFold,
}

/// <summary>A split protocol: "loso", "lospk" or "kfold:K" (K at least 3: test, validation and training groups).</summary>
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

    public static SplitProtocol LeaveOneSpeakerOut { get; } = new(SplitKind.LeaveOneSpeakerOut, 0);

    public static SplitProtocol SpeakerKFold(int k) => k >= 3
        ? new(SplitKind.SpeakerKFold, k)
        : throw new ArgumentOutOfRangeException(nameof(k), k, "speaker k-fold needs k >= 3 (test, validation and training groups)");

    /// <summary>Parses "loso" / "leave-one-session-out", "lospk" / "leave-one-speaker-out", "kfold:K" / "speaker-kfold:K".</summary>
    public static SplitProtocol Parse(string text) =>
        TryParse(text, out var protocol) ? protocol
            : throw new FormatException($"unknown split protocol '{text}'; use loso, lospk or kfold:K (K >= 3)");

    public static bool TryParse(string? text, out SplitProtocol protocol)
    {
        protocol = LeaveOneSessionOut;
        var t = text?.Trim().ToLowerInvariant() ?? "";
        if (t is "loso" or "leave-one-session-out")
            return true;
        protocol = LeaveOneSpeakerOut;
        if (t is "lospk" or "leave-one-speaker-out")
            return true;
        var parts = t.Split(':');
        if (parts.Length == 2 && parts[0] is ("kfold" or "speaker-kfold") && int.TryParse(parts[1], out int k) && k >= 3)
        {
            protocol = new SplitProtocol(SplitKind.SpeakerKFold, k);
            return true;
        }
        return false;
    }

    public override string ToString() => Kind switch
    {
        SplitKind.LeaveOneSessionOut => "loso",
        SplitKind.LeaveOneSpeakerOut => "lospk",
        _ => $"kfold:{K}",
    };
}
