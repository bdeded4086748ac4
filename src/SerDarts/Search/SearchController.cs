using SerDarts.Features;
using SerDarts.Networks;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SerDarts.Search;

/// <summary>
/// Owns the architecture parameters (alphas; PC-DARTS betas) next to the supernet, turns them into mixing
/// weights through the search method (<see cref="SearchMethod"/>), computes the losses, separates
/// <see cref="Weights"/> from <see cref="Alphas"/>, and derives the genotype.
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
    /// weights the loss per class (null: plain cross-entropy); <paramref name="method"/> null is DARTS;
    /// <paramref name="maxDerivedSkips"/> is the P-DARTS skip cap of <see cref="Genotype"/> (null: off).</summary>
    public SearchController(SupernetSpec spec, double[]? classWeights = null, SearchMethod? method = null,
        int? maxDerivedSkips = null) : base(nameof(SearchController))
    {
        Method = method ?? new DartsMethod();
        if (Method.AuxiliarySkip != spec.AuxiliarySkip)
            throw new ArgumentException($"search method {Method.Name} needs a supernet {(Method.AuxiliarySkip ? "with" : "without")} auxiliary skips");
        MaxDerivedSkips = maxDerivedSkips;
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

    public SearchMethod Method { get; }

    /// <summary>P-DARTS skip cap applied by <see cref="Genotype"/> (null: off).</summary>
    public int? MaxDerivedSkips { get; }

    /// <summary>The epoch the search is in (scheduled terms of the method read it); set by the driver.</summary>
    public SearchPhase Phase { get; set; } = SearchPhase.Start;

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

    /// <summary>The method's operation weights per edge (DARTS: softmax); with PC-DARTS also softmax over each
    /// node's incoming edges; with DARTS- the auxiliary skip's current weight.</summary>
    public NetworkWeights MixingWeights()
    {
        double skip = Method.AuxiliarySkipWeight(Phase);
        return new(new CellWeights(Method.OperationWeights(alphaNormal), EdgeWeights(betaNormal), skip),
            new CellWeights(Method.OperationWeights(alphaReduce), EdgeWeights(betaReduce), skip));
    }

    public override Tensor forward(Tensor x, Tensor validFrames) => network.call(x, validFrames, MixingWeights());

    /// <summary>Forward for the weight step: the mixing weights are constants, so backward computes no
    /// alpha gradients (which that step would discard anyway).</summary>
    public Tensor ForwardFixedArchitecture(MiniBatch batch)
    {
        NetworkWeights weights;
        using (torch.no_grad())
        {
            var exact = MixingWeights();
            weights = new(exact.Normal with { Operations = Method.WeightStepWeights(exact.Normal.Operations, Phase) },
                exact.Reduce with { Operations = Method.WeightStepWeights(exact.Reduce.Operations, Phase) });
        }
        return network.call(batch.X, batch.ValidFrames, weights);
    }

    /// <summary>Cross-entropy of <paramref name="net"/> (this supernet, or the virtual copy) under the current alphas.</summary>
    public Tensor Loss(MiniBatch batch, SearchNetwork? net = null) =>
        nn.functional.cross_entropy((net ?? network).call(batch.X, batch.ValidFrames, MixingWeights()), batch.Y, classWeights);

    public Tensor CrossEntropy(Tensor logits, Tensor y) => nn.functional.cross_entropy(logits, y, classWeights);

    /// <summary>The architecture step's loss: cross-entropy of <paramref name="net"/> plus the method's
    /// regulariser of the alphas (beta-DARTS' Beta-Decay, FairDARTS' zero-one loss), if any.</summary>
    public Tensor ArchitectureLoss(MiniBatch batch, SearchNetwork? net = null)
    {
        var loss = Loss(batch, net);
        if (Method.Regularizer(alphaNormal, alphaReduce, Phase) is not { } regularizer) return loss;
        using (loss) using (regularizer) return loss.add(regularizer);
    }

    /// <summary>The method's operation weights as [edge][operation] doubles (normal, reduce): softmax rows for
    /// DARTS, independent sigmoids for FairDARTS.</summary>
    public (double[][] Normal, double[][] Reduce) OperationWeights()
    {
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        return (ToRows(Method.OperationWeights(alphaNormal)), ToRows(Method.OperationWeights(alphaReduce)));
    }

    /// <summary>The derived genotype by the method's rule, then the P-DARTS skip cap (if set).</summary>
    public Genotype Genotype() => Derive().Genotype;

    /// <summary>The derived genotype and how many skips the cap replaced in the normal cell.</summary>
    public DerivedGenotype Derive()
    {
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        var (normal, reduce) = OperationWeights();
        double[]? normalEdges = betaNormal is null ? null : ToVector(EdgeWeights(betaNormal)!);
        double[]? reduceEdges = betaReduce is null ? null : ToVector(EdgeWeights(betaReduce)!);
        var concat = Enumerable.Range(2, Spec.Nodes).ToArray();
        var uncapped = Method.DeriveCell(normal, normalEdges, Spec.Primitives, Spec.Nodes);
        var (normalCell, removed) = GenotypeDerivation.CapSkips(normal, normalEdges, MaxDerivedSkips,
            w => Method.DeriveCell(w, normalEdges, Spec.Primitives, Spec.Nodes), Spec.Primitives);
        var reduceCell = Method.DeriveCell(reduce, reduceEdges, Spec.Primitives, Spec.Nodes);
        return new DerivedGenotype(new Genotype(normalCell, concat, reduceCell, concat),
            GenotypeDerivation.SkipCount(uncapped), removed);
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
