namespace SerDarts.Networks;

/// <summary>
/// The discrete architecture found by a search: for each intermediate node of the normal and the reduction
/// cell, its incoming edges (2 per node in DARTS), plus which states are concatenated into the cell output.
/// Stored as JSON, never evaluated as code.
/// </summary>
public sealed record Genotype(
    IReadOnlyList<IReadOnlyList<GenotypeEdge>> Normal,
    IReadOnlyList<int> NormalConcat,
    IReadOnlyList<IReadOnlyList<GenotypeEdge>> Reduce,
    IReadOnlyList<int> ReduceConcat)
{
    /// <summary>The pt.darts one-line notation, e.g. <c>Genotype(normal=[[('sep_conv_3x3', 0), ...]], ...)</c>.</summary>
    public override string ToString() => GenotypeFormat.ToReadableString(this);

    // Value equality over the cells (the lists would otherwise compare by reference).
    public bool Equals(Genotype? other) => other is not null && ToString() == other.ToString();

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(ToString());
}
