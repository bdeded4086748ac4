using SerDarts.Experiments.Specs;

namespace SerDarts.Experiments.Store;

/// <summary>A registered suite variant.</summary>
public sealed record VariantRow(string Suite, string Variant, string Factor, string Level, int Ordinal, string Model, string SpecHash);
