using System.Globalization;

namespace SerDarts.Experiments;

/// <summary>One unit of work: a spec on one fold with one seed. Its identity is (spec hash, fold, seed).</summary>
public sealed record TrialSpec(ExperimentSpec Spec, int Fold, int Seed)
{
    /// <summary>Computed from <see cref="Spec"/> on each call, so a copy made with <c>with { Spec = ... }</c> stays right.</summary>
    public string SpecHash => Spec.Hash();

    /// <summary>Stable, readable key: the first 16 hex digits of the spec hash, the fold and the seed.</summary>
    public string Key => string.Create(CultureInfo.InvariantCulture, $"{SpecHash[..16]}-f{Fold}-s{Seed}");

    /// <summary>The trial's own folder under the runs folder: it survives a kill, so an executor that keeps its
    /// checkpoints there resumes where it stopped.</summary>
    public string RunDirectory(string runsFolder) =>
        Path.Combine(runsFolder, "trials", SpecHash[..16], string.Create(CultureInfo.InvariantCulture, $"fold{Fold}-seed{Seed}"));
}
