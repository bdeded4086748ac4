using System.Text.Json.Nodes;

namespace SerDarts.Experiments.Suites;

/// <summary>A named setting of one factor: a JSON merge patch applied to the base spec.</summary>
public sealed record FactorLevel(string Name, JsonObject Set);
