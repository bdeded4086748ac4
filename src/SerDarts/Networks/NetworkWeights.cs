using static TorchSharp.torch;

namespace SerDarts.Networks;

/// <summary>Mixing weights for a whole supernet forward.</summary>
public sealed record NetworkWeights(CellWeights Normal, CellWeights Reduce);
