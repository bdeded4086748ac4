using System.Text.Json.Nodes;

namespace SerDarts.Experiments.Suites;

/// <summary>How the factors of a suite combine.</summary>
public enum SuiteMode
{
    /// <summary>Ablation: each factor varies alone around the base (the paper's tables).</summary>
    OneAtATime,

    /// <summary>Every combination of every factor's levels.</summary>
    Grid,
}
