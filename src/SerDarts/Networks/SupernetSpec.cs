
namespace SerDarts.Networks;

/// <summary>Shape of the supernet (and of the network derived from it).</summary>
/// <param name="InitChannels">C: channels of the first cell (the stem emits StemMultiplier x C).</param>
/// <param name="Cells">Cells in the network; reductions at n/3 and 2n/3.</param>
/// <param name="Nodes">Intermediate nodes per cell.</param>
/// <param name="StemMultiplier">Stem channels as a multiple of C (DARTS: 3).</param>
/// <param name="PartialChannels">PC-DARTS K: 1/K of the channels per edge go through the operations; 1 = off.</param>
/// <param name="Space">Candidate operations, 'none' last.</param>
/// <param name="Head">The fixed LSTM head.</param>
/// <param name="Classes">Output classes.</param>
/// <param name="ChannelsLast">Run the cells on NHWC-strided tensors where that pays (see <see cref="UsesChannelsLast"/>).</param>
/// <param name="RecomputeEdges">Gradient checkpointing per edge (<see cref="RecomputedEdge"/>):
/// far less memory, about one extra forward pass; no double backward.</param>
/// <param name="AuxiliarySkip">DARTS-: every edge also carries a skip outside the mixture (identity, or a
/// factorized reduce on stride-2 edges), weighted by <see cref="CellWeights.AuxiliarySkip"/>.</param>
/// <param name="RecomputedCells">The first this many cells recompute their edges (<see cref="RecomputedEdge"/>)
/// even when <paramref name="RecomputeEdges"/> is off: activations shrink fourfold at each reduction, so the
/// leading cells hold most of them.</param>
public sealed record SupernetSpec(
    int InitChannels, int Cells, int Nodes, int StemMultiplier, int PartialChannels,
    SearchSpace Space, HeadSpec Head, int Classes, bool ChannelsLast = true, bool RecomputeEdges = false,
    bool AuxiliarySkip = false, int RecomputedCells = 0)
{
    /// <summary>This supernet under an execution memory mode (<see cref="Runtime.ExecutionSettings.Memory"/>):
    /// low recomputes every edge, balanced every cell up to and including the second reduction (the cells after it
    /// run at a sixteenth of the input's area and keep their activations), fast none.</summary>
    public SupernetSpec WithMemory(string mode) => this with
    {
        RecomputeEdges = mode == Runtime.ExecutionSettings.Low,
        RecomputedCells = mode == Runtime.ExecutionSettings.Balanced ? Math.Min(Cells, 2 * Cells / 3 + 1) : 0,
    };

    /// <summary>Whether cell <paramref name="cell"/> recomputes its edges in the backward pass.</summary>
    public bool Recomputes(int cell) => RecomputeEdges || cell < RecomputedCells;

    /// <summary>The supernet of a network spec: same sizes and space, the head without dropout (every forward of
    /// the unrolled step must be the same function).</summary>
    public static SupernetSpec For(NetworkSpec network, int partialChannels, int classes, bool recomputeEdges = false,
        bool auxiliarySkip = false) =>
        new(network.InitChannels, network.Cells, network.Nodes, network.StemMultiplier, partialChannels, network.Space(),
            network.Head with { Dropout = 0 }, classes, ChannelsLast: true, recomputeEdges, auxiliarySkip);

    /// <summary>Candidate operations in the column order of the architecture weights.</summary>
    public IReadOnlyList<string> Primitives => Space.Operations;

    /// <summary>NHWC when asked for, except for PC-DARTS slices narrower than
    /// <see cref="MemoryLayout.MinChannelsForNhwc"/> channels (C / K), where NCHW is faster.</summary>
    public bool UsesChannelsLast =>
        ChannelsLast && (PartialChannels == 1 || InitChannels / PartialChannels >= MemoryLayout.MinChannelsForNhwc);

    public void Validate()
    {
        if (InitChannels < 1 || Cells < 1 || Nodes < 1 || StemMultiplier < 1)
            throw new ArgumentException($"supernet sizes must be positive: C={InitChannels}, cells={Cells}, nodes={Nodes}");
        if (PartialChannels < 1 || InitChannels % PartialChannels != 0)
            throw new ArgumentException($"partial channels K={PartialChannels} must be >= 1 and divide init channels {InitChannels}");
        if (Primitives.Count < 2 || Primitives[^1] != Operations.None)
            throw new ArgumentException("a search space needs at least one operation and must end with 'none'");
        foreach (var p in Primitives) Operations.Validate(p, "supernet spec");
        if (Classes < 2) throw new ArgumentException($"need at least 2 classes, got {Classes}");
        Head.Validate();
    }
}
