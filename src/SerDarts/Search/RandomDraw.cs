using SerDarts.Networks;

namespace SerDarts.Search;

/// <summary>One random cell a trial trains: which draw, the seed it came from, the genotype, its model's parameter
/// count, the count it had to match (null: unmatched) and how many cells were tried to find it.</summary>
public sealed record RandomDraw(int Draw, int Seed, Genotype Genotype, long Parameters, long? Reference, int Tries);
