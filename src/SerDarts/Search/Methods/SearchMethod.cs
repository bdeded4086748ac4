using SerDarts.Networks;
using TorchSharp;
using static TorchSharp.torch;

namespace SerDarts.Search;

/// <summary>
/// What distinguishes one differentiable search method from another, as small overridable pieces around the
/// shared bilevel loop: how alphas become mixing weights, what the weight step sees, an auxiliary skip, a
/// regulariser of the architecture loss, and the derivation rule. The defaults are plain DARTS
/// (softmax, nothing added, top-2 edges per node). Instances come from the <see cref="SearchMethods"/> table.
/// </summary>
public abstract class SearchMethod
{
    /// <summary>The name in the spec (search.method).</summary>
    public abstract string Name { get; }

    /// <summary>The paper (arXiv id) whose equations the method implements.</summary>
    public abstract string Paper { get; }

    /// <summary>The derivation rule, in words (for logs and docs).</summary>
    public virtual string Derivation => "each node keeps its 2 strongest edges by best non-none softmax weight";

    /// <summary>True when every supernet edge carries DARTS-' auxiliary skip (the supernet must be built with it).</summary>
    public virtual bool AuxiliarySkip => false;

    /// <summary>Mixing weights [edges, operations] of one cell type from its alphas (DARTS: softmax per edge).</summary>
    public virtual Tensor OperationWeights(Tensor alpha) => torch.softmax(alpha, -1);

    /// <summary>The mixing weights the weight step uses (SDARTS-RS perturbs them); called without gradients.</summary>
    public virtual Tensor WeightStepWeights(Tensor operationWeights, SearchPhase phase) => operationWeights;

    /// <summary>Weight of the auxiliary skip added to every edge (0: none).</summary>
    public virtual double AuxiliarySkipWeight(SearchPhase phase) => 0;

    /// <summary>A term added to the architecture (validation) loss, or null.</summary>
    public virtual Tensor? Regularizer(Tensor alphaNormal, Tensor alphaReduce, SearchPhase phase) => null;

    /// <summary>The discrete cell from one cell type's mixing weights (rows as <see cref="OperationWeights"/>
    /// gives them) and PC-DARTS edge weights (or null).</summary>
    public virtual IReadOnlyList<IReadOnlyList<GenotypeEdge>> DeriveCell(double[][] weights, double[]? edgeWeights,
        IReadOnlyList<string> primitives, int nodes) => GenotypeDerivation.Cell(weights, edgeWeights, primitives, nodes);
}
