using static TorchSharp.torch;

namespace SerDarts.Networks;

/// <summary>Mixing weights of one cell type, already normalised.</summary>
/// <param name="Operations">[edges, operations]: softmax over operations, row per edge.</param>
/// <param name="Edges">[edges]: PC-DARTS edge normalisation (softmax over each node's incoming edges), or null.</param>
/// <param name="AuxiliarySkip">DARTS-' weight of the auxiliary skip on every edge (0: none; needs a supernet built
/// with <see cref="SupernetSpec.AuxiliarySkip"/>).</param>
public sealed record CellWeights(Tensor Operations, Tensor? Edges, double AuxiliarySkip = 0);
