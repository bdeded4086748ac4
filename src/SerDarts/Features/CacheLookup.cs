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

/// <summary>A cache lookup: the values on a hit, else why not.</summary>
public sealed record CacheLookup(CacheStatus Status, float[]? Values, string? Reason)
{
    internal static CacheLookup Miss(CacheStatus status, string reason) => new(status, null, reason);
}

/// <summary>The JSON header of a cache entry; <paramref name="Transform"/> is null for plain audio (and in
/// entries written before augmentation existed, which are plain).</summary>
internal sealed record CacheEntryHeader(
    int Format,
    string Spec,
    string SpecHash,
    string Audio,
    string AudioSha256,
    int[] Shape,
    string PayloadSha256,
    string Library,
    string? Transform = null);
