namespace SerDarts.Corpora;

/// <summary>What IEMOCAP's "exc" (excited) label becomes.</summary>
public enum ExcitedLabel
{
    /// <summary>Happy (the usual 4-class IEMOCAP setting, and SerDarts' default).</summary>
    MergeIntoHappy,

    /// <summary>Kept as "exc", outside the four classes, so <see cref="CorpusScan.FourClass"/> drops it (emoDARTS).</summary>
    LeaveOut,
}
