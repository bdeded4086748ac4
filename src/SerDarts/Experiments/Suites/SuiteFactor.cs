using System.Text.Json.Nodes;

namespace SerDarts.Experiments.Suites;

/// <summary>One factor of a suite and its levels, in display order.</summary>
public sealed record SuiteFactor(string Name, IReadOnlyList<FactorLevel> Levels);
