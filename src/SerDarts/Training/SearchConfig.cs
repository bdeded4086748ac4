using SerDarts.Models;
using SerDarts.Search;
using SerDarts.Search.Operations;

namespace SerDarts.Training;

/// <summary>Every number of a DARTS search. JSON round-trips; presets <see cref="Paper"/> and <see cref="Small"/>.</summary>
/// <param name="InitChannels">C of the supernet (paper: 8).</param>
/// <param name="Cells">Cells (paper: 4; ablation 8).</param>
/// <param name="Nodes">Intermediate nodes per cell (paper: 4).</param>
/// <param name="StemMultiplier">Stem channels = multiplier x C (DARTS: 3).</param>
/// <param name="PartialChannels">PC-DARTS K (1 = off).</param>
/// <param name="Head">The fixed LSTM head (no dropout during search: the Hessian needs a deterministic loss).</param>
/// <param name="Epochs">Search epochs.</param>
/// <param name="BatchSize">Batch size of both halves.</param>
/// <param name="Order">First or second order.</param>
/// <param name="WeightLr">SGD learning rate, annealed by cosine to <paramref name="WeightLrMin"/>.</param>
/// <param name="WeightLrMin">Final weight learning rate.</param>
/// <param name="WeightMomentum">SGD momentum.</param>
/// <param name="WeightDecay">SGD weight decay.</param>
/// <param name="GradientClip">Gradient-norm clip of the weights (0: off).</param>
/// <param name="AlphaLr">Adam learning rate of the architecture parameters.</param>
/// <param name="AlphaBeta1">Adam beta1.</param>
/// <param name="AlphaBeta2">Adam beta2.</param>
/// <param name="AlphaWeightDecay">Adam weight decay.</param>
/// <param name="ClassWeightedLoss">Weight the loss by inverse class frequency (of the weight half).</param>
/// <param name="MaxNormalSkips">Early stop once the normal cell holds more skip connections than this (DARTS+); null: off.</param>
/// <param name="Seed">Run seed.</param>
/// <param name="Device">auto, cpu, cuda or cuda:N.</param>
/// <param name="Threads">torch CPU threads (0: TorchSharp's default).</param>
/// <param name="ChannelsLast">Run the cells on NHWC-strided tensors (faster on CPU; same values).</param>
/// <param name="RecomputeEdges">Gradient checkpointing per edge: far less memory for about one extra forward pass.</param>
public sealed record SearchConfig(
    int InitChannels, int Cells, int Nodes, int StemMultiplier, int PartialChannels, HeadSpec Head,
    int Epochs, int BatchSize, SearchOrder Order,
    double WeightLr, double WeightLrMin, double WeightMomentum, double WeightDecay, double GradientClip,
    double AlphaLr, double AlphaBeta1, double AlphaBeta2, double AlphaWeightDecay,
    bool ClassWeightedLoss, int? MaxNormalSkips, long Seed, string Device, int Threads, bool ChannelsLast = true,
    bool RecomputeEdges = false)
{
    /// <summary>The seed paper / pt.darts numbers (search epochs and batch as in emoDARTS' defaults).</summary>
    public static SearchConfig Paper { get; } = new(
        InitChannels: 8, Cells: 4, Nodes: 4, StemMultiplier: 3, PartialChannels: 1,
        Head: HeadSpec.Paper with { Dropout = 0 },
        Epochs: 50, BatchSize: 64, Order: SearchOrder.First,
        WeightLr: 0.025, WeightLrMin: 0.001, WeightMomentum: 0.9, WeightDecay: 3e-4, GradientClip: 5,
        AlphaLr: 3e-4, AlphaBeta1: 0.5, AlphaBeta2: 0.999, AlphaWeightDecay: 1e-3,
        ClassWeightedLoss: false, MaxNormalSkips: null, Seed: 2, Device: "auto", Threads: 0);

    /// <summary>Sized for a 2-core CPU demo on 64x64 inputs and ~190 training clips (about a minute).</summary>
    public static SearchConfig Small { get; } = Paper with
    {
        InitChannels = 4, Cells = 3, Nodes = 2, Epochs = 6, BatchSize = 16, PartialChannels = 1,
        Head = new HeadSpec(64, 1, [32], 0, false), AlphaLr = 3e-3,
    };

    public static SearchConfig Preset(string name) => name.Trim().ToLowerInvariant() switch
    {
        "paper" => Paper,
        "small" => Small,
        _ => throw new ArgumentException($"unknown preset '{name}': use paper or small"),
    };

    public SupernetSpec Supernet(int classes) =>
        new(InitChannels, Cells, Nodes, StemMultiplier, PartialChannels, Primitives.Darts, Head, classes, ChannelsLast, RecomputeEdges);

    public void Validate()
    {
        Supernet(4).Validate();
        if (Epochs < 1 || BatchSize < 1) throw new ArgumentException($"epochs ({Epochs}) and batch size ({BatchSize}) must be positive");
        if (WeightLr <= 0 || WeightLrMin < 0 || WeightLrMin > WeightLr)
            throw new ArgumentException($"need 0 <= weight lr min ({WeightLrMin}) <= weight lr ({WeightLr}), lr > 0");
        if (AlphaLr <= 0) throw new ArgumentException($"alpha lr must be positive, got {AlphaLr}");
        if (Head.Dropout != 0) throw new ArgumentException("search needs head dropout 0: the unrolled step compares losses of the same function");
        if (MaxNormalSkips is < 0) throw new ArgumentException($"max normal skips must be >= 0, got {MaxNormalSkips}");
    }

    public string ToJson() => ConfigJson.Serialize(this);

    public static SearchConfig FromJson(string json, string source = "search config") => ConfigJson.Deserialize<SearchConfig>(json, source);
}
