using SerDarts.Experiments.Specs;

namespace SerDarts.Features;

/// <summary>A cache lookup: the values and the clip's valid frames on a hit, else why not.</summary>
public sealed record CacheLookup(CacheStatus Status, float[]? Values, string? Reason, int ValidFrames = 0)
{
    internal static CacheLookup Miss(CacheStatus status, string reason) => new(status, null, reason);
}

/// <summary>The JSON header of a cache entry; <paramref name="Transform"/> is null for plain audio (and in
/// entries written before augmentation existed, which are plain); <paramref name="ValidFrames"/> counts the grid's
/// frames that hold audio (0 in entries written before it was recorded: those are recomputed).</summary>
internal sealed record CacheEntryHeader(
    int Format,
    string Spec,
    string SpecHash,
    string Audio,
    string AudioSha256,
    int[] Shape,
    string PayloadSha256,
    string Library,
    string? Transform = null,
    int ValidFrames = 0);
