using TorchSharp;
using static TorchSharp.torch;

namespace SerDarts.Networks;

/// <summary>
/// A supernet cell: two preprocessed inputs, <c>nodes</c> intermediate nodes each summing mixed edges from all
/// earlier states, output = concatenation of the intermediate nodes. Pure structure: the mixing weights
/// arrive with every forward call.
/// </summary>
public sealed class SearchCell : nn.Module<Tensor, Tensor, CellWeights, Tensor>
{
    private readonly nn.Module<Tensor, Tensor> preprocess0;
    private readonly nn.Module<Tensor, Tensor> preprocess1;
    private readonly TorchSharp.Modules.ModuleList<nn.Module<Tensor, Tensor, Tensor>> edges = new();
    private readonly TorchSharp.Modules.ModuleList<nn.Module<Tensor, Tensor>> auxiliary = new();
    private readonly int nodes;
    private readonly bool recomputeEdges;

    public SearchCell(int nodes, long cPrevPrev, long cPrev, long c, bool reductionPrev, bool reduction,
        IReadOnlyList<string> primitives, int partialChannels, bool recomputeEdges = false, bool auxiliarySkip = false)
        : base(nameof(SearchCell))
    {
        this.nodes = nodes;
        this.recomputeEdges = recomputeEdges;
        Reduction = reduction;
        preprocess0 = reductionPrev
            ? new FactorizedReduce(cPrevPrev, c, affine: false)
            : new ReluConvBn(cPrevPrev, c, 1, 1, 0, affine: false);
        preprocess1 = new ReluConvBn(cPrev, c, 1, 1, 0, affine: false);
        for (int node = 0; node < nodes; node++)
            for (int input = 0; input < node + 2; input++)
            {
                long stride = reduction && input < 2 ? 2 : 1;
                edges.Add(partialChannels > 1
                    ? new PartialChannelMixedOp(c, stride, partialChannels, primitives)
                    : new MixedOp(c, stride, primitives));
                // DARTS-' auxiliary skip: the skip_connect operation of the edge, outside the mixture.
                if (auxiliarySkip) auxiliary.Add(Operations.Create(Operations.SkipConnect, c, stride, affine: false));
            }
        RegisterComponents();
    }

    public bool Reduction { get; }

    public override Tensor forward(Tensor s0, Tensor s1, CellWeights weights)
    {
        var states = new List<Tensor>(nodes + 2) { preprocess0.call(s0), preprocess1.call(s1) };
        for (int node = 0; node < nodes; node++)
        {
            int first = CellTopology.FirstEdge(node);
            Tensor? sum = null;
            for (int input = 0; input < node + 2; input++)
            {
                int e = first + input;
                using var row = weights.Operations[e];
                var edge = recomputeEdges && torch.is_grad_enabled()
                    ? RecomputedEdge.Run(edges[e], states[input], row)
                    : edges[e].call(states[input], row);
                if (weights.Edges is not null)
                {
                    using var unscaled = edge;
                    using var edgeWeight = weights.Edges[e];
                    edge = unscaled.mul(edgeWeight);
                }
                if (auxiliary.Count > 0 && weights.AuxiliarySkip != 0)
                {
                    using var withoutSkip = edge;
                    using var skip = auxiliary[e].call(states[input]);
                    using var scaled = skip.mul(weights.AuxiliarySkip);
                    edge = withoutSkip.add(scaled);
                }
                if (sum is null) sum = edge;
                else { var total = sum.add(edge); sum.Dispose(); edge.Dispose(); sum = total; }
            }
            states.Add(sum!);
        }
        var output = torch.cat(states.GetRange(2, nodes), 1);
        foreach (var state in states) state.Dispose();
        return output;
    }
}
