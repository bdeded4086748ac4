using TorchSharp;
using static TorchSharp.torch;

namespace SerDarts.Networks;

/// <summary>
/// The network trained after the search (or the random-cell control): 3x3 conv stem, derived cells (reductions at n/3 and
/// 2n/3), optional auxiliary head after cell 2n/3, and the LSTM head coupled over time.
/// </summary>
public sealed class DerivedNetwork : ClassifierModel
{
    private readonly nn.Module<Tensor, Tensor> stem;
    private readonly TorchSharp.Modules.ModuleList<DerivedCell> cells = new();
    private readonly AuxiliaryHead? auxiliary;
    private readonly LstmHead head;
    private readonly int auxiliaryAfter;
    private readonly bool channelsLast;

    public DerivedNetwork(Genotype genotype, int initChannels, int cellCount, int stemMultiplier, bool auxiliaryHead,
        HeadSpec headSpec, int classes, bool channelsLast = true) : base(nameof(DerivedNetwork))
    {
        this.channelsLast = channelsLast;
        GenotypeFormat.Validate(genotype, "derived network");
        long cCur = (long)stemMultiplier * initChannels;
        stem = nn.Sequential(nn.Conv2d(1, cCur, 3, padding: 1, bias: false), nn.BatchNorm2d(cCur));
        long cPrevPrev = cCur, cPrev = cCur;
        cCur = initChannels;
        bool reductionPrev = false;
        auxiliaryAfter = auxiliaryHead ? 2 * cellCount / 3 : -1;
        for (int i = 0; i < cellCount; i++)
        {
            bool reduction = CellTopology.IsReduction(i, cellCount);
            if (reduction) cCur *= 2;
            var cell = new DerivedCell(genotype, cPrevPrev, cPrev, cCur, reductionPrev, reduction);
            cells.Add(cell);
            reductionPrev = reduction;
            (cPrevPrev, cPrev) = (cPrev, cell.OutputChannels);
            if (i == auxiliaryAfter) auxiliary = new AuxiliaryHead(cPrev, classes);
        }
        head = new LstmHead(cPrev, headSpec, classes);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x, Tensor validFrames) => Run(x, validFrames, withAuxiliary: false).Logits;

    public override (Tensor Logits, Tensor? Auxiliary) ForwardTraining(Tensor x, Tensor validFrames) =>
        Run(x, validFrames, withAuxiliary: training);

    public override void SetDropPathProbability(double probability)
    {
        foreach (var cell in cells) cell.SetDropPathProbability(probability);
    }

    public override long ParameterCount() =>
        named_parameters().Where(p => !p.name.StartsWith("auxiliary.", StringComparison.Ordinal)).Sum(p => p.parameter.numel());

    private (Tensor Logits, Tensor? Auxiliary) Run(Tensor x, Tensor validFrames, bool withAuxiliary)
    {
        var s0 = stem.call(x);
        if (channelsLast) s0 = MemoryLayout.ToChannelsLast(s0);
        var s1 = s0;
        Tensor? aux = null;
        for (int i = 0; i < cells.Count; i++)
        {
            (s0, s1) = (s1, cells[i].call(s0, s1));
            if (withAuxiliary && i == auxiliaryAfter && auxiliary is not null) aux = auxiliary.call(s1);
        }
        return (head.call(s1, ValidFraction(x, validFrames)), aux);
    }
}
