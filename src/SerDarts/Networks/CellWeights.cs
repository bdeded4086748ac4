using static TorchSharp.torch;

namespace SerDarts.Networks;

/// <summary>Mixing weights of one cell type, already normalised.</summary>
/// <param name="Operations">[edges, operations]: softmax over operations, row per edge.</param>
/// <param name="Edges">[edges]: PC-DARTS edge normalisation (softmax over each node's incoming edges), or null.</param>
public sealed record CellWeights(Tensor Operations, Tensor? Edges);

/// <summary>Mixing weights for a whole supernet forward.</summary>
public sealed record NetworkWeights(CellWeights Normal, CellWeights Reduce);
