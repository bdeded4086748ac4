using SerDarts.Networks;
using TorchSharp;
using static TorchSharp.torch;

namespace SerDarts.Search;

/// <summary>
/// Fair DARTS (1911.12126): every operation has its own sigmoid weight sigma(alpha) instead of competing in a
/// softmax (no exclusive competition, so skip_connect's unfair advantage does not crowd the others out), and the
/// zero-one loss L_01 = -(1/N) sum_i (sigma(alpha_i) - 0.5)^2 over all N architecture weights of both cells,
/// scaled by w01, pushes each weight to 0 or 1. Derivation keeps the operations whose sigma exceeds the
/// threshold (0.85), at most 2 per node, strongest first; a node with none above it keeps its strongest one.
/// </summary>
public sealed class FairDartsMethod(double zeroOneWeight, double threshold) : SearchMethod
{
    public override string Name => SearchMethods.FairDarts;

    public override string Paper => "1911.12126";

    public override string Derivation =>
        FormattableString.Invariant($"per node the (operation, input) pairs with sigmoid(alpha) > {Threshold}, at most 2, strongest first; at least the strongest one");

    public double ZeroOneWeight { get; } = zeroOneWeight;

    public double Threshold { get; } = threshold;

    public override Tensor OperationWeights(Tensor alpha) => torch.sigmoid(alpha);

    public override Tensor? Regularizer(Tensor alphaNormal, Tensor alphaReduce, SearchPhase phase)
    {
        if (ZeroOneWeight == 0) return null;
        using var all = torch.cat([alphaNormal.flatten(), alphaReduce.flatten()]);
        using var sigma = torch.sigmoid(all);
        using var centred = sigma.sub(0.5);
        using var squared = centred.square();
        using var mean = squared.mean();
        return mean.mul(-ZeroOneWeight);
    }

    public override IReadOnlyList<IReadOnlyList<GenotypeEdge>> DeriveCell(double[][] weights, double[]? edgeWeights,
        IReadOnlyList<string> primitives, int nodes)
    {
        if (weights.Length != CellTopology.EdgeCount(nodes))
            throw new ArgumentException($"expected {CellTopology.EdgeCount(nodes)} edges for {nodes} nodes, got {weights.Length}");
        var cell = new List<IReadOnlyList<GenotypeEdge>>(nodes);
        for (int node = 0; node < nodes; node++)
        {
            int first = CellTopology.FirstEdge(node);
            var ranked = Enumerable.Range(0, node + 2)
                .SelectMany(input => Enumerable.Range(0, primitives.Count)
                    .Where(o => primitives[o] != Operations.None)
                    .Select(o => (Edge: new GenotypeEdge(primitives[o], input), Weight: weights[first + input][o], Op: o)))
                .OrderByDescending(c => c.Weight).ThenBy(c => c.Edge.Input).ThenBy(c => c.Op) // deterministic ties
                .ToList();
            var kept = ranked.Where(c => c.Weight > Threshold).Take(2).Select(c => c.Edge).ToList();
            if (kept.Count == 0) kept.Add(ranked[0].Edge);
            cell.Add(kept);
        }
        return cell;
    }
}
