namespace SerDarts.Corpora;

/// <summary>How folds are formed (the rules are on <see cref="Splits"/>).</summary>
public enum SplitKind
{
    /// <summary>One fold per speaker of each held-out session: every speaker tested once, its session partners validating.</summary>
    LeaveOneSessionOut,

    /// <summary>One fold per speaker.</summary>
    LeaveOneSpeakerOut,

    /// <summary>Speakers dealt into K groups; one fold per group.</summary>
    SpeakerKFold,

    /// <summary>One fold per session, one seed-chosen orientation only (the protocol "loso" meant before).</summary>
    LeaveOneSessionOutSingle,

    /// <summary>The five folds of two IEMOCAP speakers of jayaneetha/emoDARTS.</summary>
    Emodarts,
}
