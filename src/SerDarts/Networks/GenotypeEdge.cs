namespace SerDarts.Networks;

/// <summary>One chosen edge of a derived cell: the operation and the index of the state it reads
/// (0 and 1 are the cell's two inputs, 2.. the intermediate nodes).</summary>
public sealed record GenotypeEdge(string Operation, int Input);
