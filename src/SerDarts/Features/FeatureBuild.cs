using SerDarts.Corpora;

namespace SerDarts.Features;

/// <summary>
/// What <see cref="FeatureSetBuilder.BuildUsable"/> made: the set of the utterances whose audio could be used
/// (in input order) and the files left out, with the reason (unreadable, NaN/Inf samples, no samples...).
/// Owns the set.
/// </summary>
public sealed record FeatureBuild(FeatureSet Set, IReadOnlyList<SkippedFile> Skipped) : IDisposable
{
    public void Dispose() => Set.Dispose();
}
