namespace SerDarts.Experiments.Store;

/// <summary>What a runner found when it asked for a trial.</summary>
public enum ClaimStatus
{
    /// <summary>The trial is now this runner's to execute.</summary>
    Claimed,

    /// <summary>Already completed: nothing to do.</summary>
    Completed,

    /// <summary>Started by another live runner: left alone.</summary>
    Busy,
}
