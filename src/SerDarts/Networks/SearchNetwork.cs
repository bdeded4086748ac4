using TorchSharp;
using static TorchSharp.torch;

namespace SerDarts.Networks;

/// <summary>
/// The DARTS supernet: a 3x3 conv stem, search cells (reductions at n/3 and 2n/3), and the
/// fixed LSTM head. Pure structure: the architecture weights arrive as forward arguments, so a second
/// instance can serve as the virtual network of the unrolled step.
/// </summary>
public sealed class SearchNetwork : nn.Module<Tensor, Tensor, NetworkWeights, Tensor>
{
    private readonly nn.Module<Tensor, Tensor> stem;
    private readonly TorchSharp.Modules.ModuleList<SearchCell> cells = new();
    private readonly LstmHead head;

    public SearchNetwork(SupernetSpec spec) : base(nameof(SearchNetwork))
    {
        spec.Validate();
        Spec = spec;
        long cCur = (long)spec.StemMultiplier * spec.InitChannels;
        stem = nn.Sequential(nn.Conv2d(1, cCur, 3, padding: 1, bias: false), nn.BatchNorm2d(cCur));
        long cPrevPrev = cCur, cPrev = cCur;
        cCur = spec.InitChannels;
        bool reductionPrev = false;
        for (int i = 0; i < spec.Cells; i++)
        {
            bool reduction = CellTopology.IsReduction(i, spec.Cells);
            if (reduction) cCur *= 2;
            cells.Add(new SearchCell(spec.Nodes, cPrevPrev, cPrev, cCur, reductionPrev, reduction,
                spec.Primitives, spec.PartialChannels, spec.Recomputes(i), spec.AuxiliarySkip));
            reductionPrev = reduction;
            (cPrevPrev, cPrev) = (cPrev, cCur * spec.Nodes);
        }
        head = new LstmHead(cPrev, spec.Head, spec.Classes);
        RegisterComponents();
    }

    public SupernetSpec Spec { get; }

    /// <param name="x">[N, 1, rows, frames], standardised.</param>
    /// <param name="validFrames">[N] frames of each clip before its padding (see <see cref="ClassifierModel"/>).</param>
    /// <param name="weights">The mixing weights of both cell types.</param>
    public override Tensor forward(Tensor x, Tensor validFrames, NetworkWeights weights)
    {
        var s0 = Spec.UsesChannelsLast ? MemoryLayout.ToChannelsLast(stem.call(x)) : stem.call(x);
        var s1 = s0;
        foreach (var cell in cells)
            (s0, s1) = (s1, cell.call(s0, s1, cell.Reduction ? weights.Reduce : weights.Normal));
        using var fraction = ClassifierModel.ValidFraction(x, validFrames);
        return head.call(s1, fraction);
    }
}
