using System.Text.Json.Nodes;
using SerDarts.Experiments.Specs;

namespace SerDarts.Experiments.Suites;

/// <summary>One expanded variant: its name ("cells=8"), the factor and level it stands for, its position in the
/// suite, and its full spec.</summary>
public sealed record SuiteVariant(string Name, string Factor, string Level, int Ordinal, ExperimentSpec Spec)
{
    /// <summary>Computed from <see cref="Spec"/> on each call, so a copy made with <c>with { Spec = ... }</c> stays right.</summary>
    public string SpecHash => Spec.Hash();
}
