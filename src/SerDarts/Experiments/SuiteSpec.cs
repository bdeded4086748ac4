using System.Text.Json.Nodes;

namespace SerDarts.Experiments;

/// <summary>How the factors of a suite combine.</summary>
public enum SuiteMode
{
    /// <summary>Ablation: each factor varies alone around the base (the paper's tables).</summary>
    OneAtATime,

    /// <summary>Every combination of every factor's levels.</summary>
    Grid,
}

/// <summary>A named setting of one factor: a JSON merge patch applied to the base spec.</summary>
public sealed record FactorLevel(string Name, JsonObject Set);

/// <summary>One factor of a suite and its levels, in display order.</summary>
public sealed record SuiteFactor(string Name, IReadOnlyList<FactorLevel> Levels);

/// <summary>A suite: a base spec plus the factors to vary. <see cref="SuiteExpansion"/> turns it into named variants.
/// <paramref name="FactorsWin"/>: a factor over a path a preset also sets keeps its levels (applied after the
/// preset) instead of being refused.</summary>
public sealed record SuiteSpec(
    string Name,
    string Description,
    ExperimentSpec Base,
    IReadOnlyList<SuiteFactor> Factors,
    SuiteMode Mode = SuiteMode.OneAtATime,
    bool FactorsWin = false);

/// <summary>One expanded variant: its name ("cells=8"), the factor and level it stands for, its position in the
/// suite, and its full spec.</summary>
public sealed record SuiteVariant(string Name, string Factor, string Level, int Ordinal, ExperimentSpec Spec)
{
    /// <summary>Computed from <see cref="Spec"/> on each call, so a copy made with <c>with { Spec = ... }</c> stays right.</summary>
    public string SpecHash => Spec.Hash();
}
