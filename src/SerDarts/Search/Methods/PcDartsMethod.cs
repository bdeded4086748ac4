namespace SerDarts.Search;

/// <summary>
/// PC-DARTS (1907.05737): 1/K of each edge's channels go through the operations
/// (<see cref="Networks.PartialChannelMixedOp"/>, K = search.partialChannels; left at 1, 4 where every edge keeps 2 channels) and every node
/// mixes its incoming edges by softmax(beta) (edge normalisation, owned by <see cref="SearchController"/>).
/// Derivation ranks an edge by its best softmax(alpha) weight times its edge weight.
/// </summary>
public sealed class PcDartsMethod : SearchMethod
{
    public override string Name => SearchMethods.PcDarts;

    public override string Paper => "1907.05737";

    public override string Derivation => "each node keeps its 2 strongest edges by best non-none softmax weight x softmax(beta) edge weight";
}
