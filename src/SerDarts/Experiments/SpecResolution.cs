namespace SerDarts.Experiments;

/// <summary>
/// How every entry point turns what a user gave into the configuration a run uses: a base spec (a file, a
/// suite variant, or the defaults), then a preset (<see cref="ExperimentPresets"/>), then the overrides (flags,
/// --set path=value, a notebook's parameters), then validation of the whole. A stage verb's trial is the same
/// resolution plus a fold and a seed, so it equals the trial <c>serdarts run</c> executes.
/// </summary>
public static class SpecResolution
{
    public static ExperimentSpec Resolve(ExperimentSpec baseSpec, string? preset, SpecOverrides? overrides, string source = "spec")
    {
        var spec = preset is null ? baseSpec : ExperimentPresets.Apply(baseSpec, preset);
        if (overrides is not null) spec = overrides.Apply(spec);
        return spec.EnsureValid(source);
    }

    /// <summary>One trial of a resolved spec: the given fold (checked against the split) and seed.</summary>
    public static TrialSpec Trial(ExperimentSpec baseSpec, string? preset, SpecOverrides? overrides, int fold, int seed, string source = "command line")
    {
        var spec = Resolve(baseSpec, preset, (overrides ?? new SpecOverrides()) with { Folds = [fold], Seeds = [seed] }, source);
        return new TrialSpec(spec, fold, seed);
    }
}
