using System.Text.Json.Nodes;
using SerDarts.Experiments.Specs;

namespace SerDarts.Experiments.Suites;

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
