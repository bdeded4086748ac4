namespace SerDarts.Features;

/// <summary>Outcome of a <see cref="FeatureCache"/> lookup.</summary>
public enum CacheStatus
{
    /// <summary>A valid entry for this spec and this audio.</summary>
    Hit,

    /// <summary>No entry.</summary>
    Missing,

    /// <summary>An entry computed from another spec or from different audio bytes.</summary>
    Stale,

    /// <summary>An entry that is truncated, unreadable or fails its checksum (never trusted).</summary>
    Corrupt,
}
