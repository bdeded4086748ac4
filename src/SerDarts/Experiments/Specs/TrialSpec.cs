using System.Globalization;
using SerDarts.Runs;
using SerDarts.Runtime;

namespace SerDarts.Experiments.Specs;

/// <summary>One unit of work: a spec on one fold with one seed. Its identity is (spec hash, fold, seed).</summary>
public sealed record TrialSpec(ExperimentSpec Spec, int Fold, int Seed)
{
    /// <summary>Computed from <see cref="Spec"/> on each call, so a copy made with <c>with { Spec = ... }</c> stays right.</summary>
    public string SpecHash => Spec.Hash();

    /// <summary>
    /// The seed the trial's stages run with (bilevel halves, weights, batch order, the random control's cell),
    /// derived from (seed, fold): under loso the two folds of one session share their training set, and with the
    /// bare seed they would be the same search and training twice. 31 bits, non-negative.
    /// </summary>
    public int RunSeed => RunSeedOf(Seed, Fold);

    /// <summary><see cref="RunSeed"/> of (seed, fold).</summary>
    public static int RunSeedOf(int seed, int fold) => (int)(Seeds.Derive(seed, fold, RunSeedPurpose) >> 32);

    // Distinguishes this derivation from the other uses of the trial seed (Seeds.Derive(seed, epoch, ...)).
    private const long RunSeedPurpose = 0x7121A1;

    /// <summary>Stable, readable key: the first 16 hex digits of the spec hash, the fold and the seed.</summary>
    public string Key => string.Create(CultureInfo.InvariantCulture, $"{SpecHash[..16]}-f{Fold}-s{Seed}");

    /// <summary>The trial's own folder under the runs folder: it survives a kill, so an executor that keeps its
    /// checkpoints there resumes where it stopped.</summary>
    public string RunDirectory(string runsFolder) =>
        Path.Combine(runsFolder, "trials", SpecHash[..16], string.Create(CultureInfo.InvariantCulture, $"fold{Fold}-seed{Seed}"));
}
