using SerDarts.Features;
using SerDarts.Networks;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SerDarts.Search;

/// <summary>
/// Owns the architecture parameters (alphas; PC-DARTS betas) next to the supernet, turns them into mixing
/// weights, computes the loss, separates <see cref="Weights"/> from <see cref="Alphas"/>, and derives the
/// genotype.
/// </summary>
public sealed class SearchController : nn.Module<Tensor, Tensor, Tensor>
{
    private readonly SearchNetwork network;
    private readonly Parameter alphaNormal;
    private readonly Parameter alphaReduce;
    private readonly Parameter? betaNormal;
    private readonly Parameter? betaReduce;
    private readonly Tensor? classWeights;

    /// <summary>A supernet of <paramref name="spec"/> with alphas ~ 1e-3 N(0, 1); <paramref name="classWeights"/>
    /// weights the loss per class (null: plain cross-entropy).</summary>
    public SearchController(SupernetSpec spec, double[]? classWeights = null) : base(nameof(SearchController))
    {
        network = new SearchNetwork(spec);
        int edges = CellTopology.EdgeCount(spec.Nodes);
        alphaNormal = new Parameter(torch.randn(edges, spec.Primitives.Count).mul_(1e-3));
        alphaReduce = new Parameter(torch.randn(edges, spec.Primitives.Count).mul_(1e-3));
        if (spec.PartialChannels > 1)
        {
            betaNormal = new Parameter(torch.randn(edges).mul_(1e-3));
            betaReduce = new Parameter(torch.randn(edges).mul_(1e-3));
        }
        if (classWeights is not null)
            register_buffer("class_weights", torch.tensor(classWeights, dtype: ScalarType.Float32), persistent: false);
        RegisterComponents();
        this.classWeights = classWeights is null ? null : get_buffer("class_weights");
    }

    public SupernetSpec Spec => network.Spec;

    public SearchNetwork Network => network;

    /// <summary>The network weights w (trained by SGD on the weight half).</summary>
    public IEnumerable<Parameter> Weights() => network.parameters();

    /// <summary>The architecture parameters (trained by Adam on the architecture half).</summary>
    public IEnumerable<Parameter> Alphas()
    {
        yield return alphaNormal;
        yield return alphaReduce;
        if (betaNormal is not null) yield return betaNormal;
        if (betaReduce is not null) yield return betaReduce;
    }

    /// <summary>Softmax over operations per edge; with PC-DARTS also softmax over each node's incoming edges.</summary>
    public NetworkWeights MixingWeights() => new(
        new CellWeights(torch.softmax(alphaNormal, -1), EdgeWeights(betaNormal)),
        new CellWeights(torch.softmax(alphaReduce, -1), EdgeWeights(betaReduce)));

    public override Tensor forward(Tensor x, Tensor validFrames) => network.call(x, validFrames, MixingWeights());

    /// <summary>Forward for the weight step: the mixing weights are constants, so backward computes no
    /// alpha gradients (which that step would discard anyway).</summary>
    public Tensor ForwardFixedArchitecture(MiniBatch batch)
    {
        NetworkWeights weights;
        using (torch.no_grad()) weights = MixingWeights();
        return network.call(batch.X, batch.ValidFrames, weights);
    }

    /// <summary>Cross-entropy of <paramref name="net"/> (this supernet, or the virtual copy) under the current alphas.</summary>
    public Tensor Loss(MiniBatch batch, SearchNetwork? net = null) =>
        nn.functional.cross_entropy((net ?? network).call(batch.X, batch.ValidFrames, MixingWeights()), batch.Y, classWeights);

    public Tensor CrossEntropy(Tensor logits, Tensor y) => nn.functional.cross_entropy(logits, y, classWeights);

    /// <summary>Softmax weights as [edge][operation] doubles (normal, reduce).</summary>
    public (double[][] Normal, double[][] Reduce) SoftmaxWeights()
    {
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        return (ToRows(torch.softmax(alphaNormal, -1)), ToRows(torch.softmax(alphaReduce, -1)));
    }

    public Genotype Genotype()
    {
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        var (normal, reduce) = SoftmaxWeights();
        return GenotypeDerivation.Derive(normal, reduce, Spec.Primitives, Spec.Nodes,
            betaNormal is null ? null : ToVector(EdgeWeights(betaNormal)!),
            betaReduce is null ? null : ToVector(EdgeWeights(betaReduce)!));
    }

    private Tensor? EdgeWeights(Parameter? beta)
    {
        if (beta is null) return null;
        var parts = new Tensor[Spec.Nodes];
        for (int node = 0; node < Spec.Nodes; node++)
            parts[node] = torch.softmax(beta[CellTopology.FirstEdge(node)..CellTopology.FirstEdge(node + 1)], 0);
        return torch.cat(parts, 0);
    }

    private static double[][] ToRows(Tensor t)
    {
        var flat = t.to(ScalarType.Float64).cpu().data<double>().ToArray();
        int cols = (int)t.shape[1];
        return Enumerable.Range(0, (int)t.shape[0]).Select(r => flat.AsSpan(r * cols, cols).ToArray()).ToArray();
    }

    private static double[] ToVector(Tensor t) => t.to(ScalarType.Float64).cpu().data<double>().ToArray();
}
