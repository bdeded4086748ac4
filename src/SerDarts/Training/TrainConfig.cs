using SerDarts.Models;

namespace SerDarts.Training;

/// <summary>Every number of a training run (derived network or baseline). JSON round-trips.</summary>
/// <param name="InitChannels">C of the derived network.</param>
/// <param name="Cells">Cells of the derived network.</param>
/// <param name="StemMultiplier">Stem channels = multiplier x C.</param>
/// <param name="AuxiliaryHead">Auxiliary classifier at 2/3 depth (derived network).</param>
/// <param name="AuxiliaryWeight">Weight of the auxiliary loss.</param>
/// <param name="DropPath">Final drop-path probability, raised linearly from 0 over the epochs.</param>
/// <param name="Head">LSTM head; its layers and attention come from the <see cref="ModelSpec"/>.</param>
/// <param name="BaselineChannels">Conv-block channels of the hand-engineered baselines.</param>
/// <param name="Epochs">Training epochs (paper: 300).</param>
/// <param name="BatchSize">Batch size.</param>
/// <param name="Lr">SGD learning rate, annealed by cosine to <paramref name="LrMin"/>.</param>
/// <param name="LrMin">Final learning rate.</param>
/// <param name="Momentum">SGD momentum.</param>
/// <param name="WeightDecay">SGD weight decay.</param>
/// <param name="GradientClip">Gradient-norm clip (0: off).</param>
/// <param name="ClassWeightedLoss">Weight the loss by inverse class frequency of the training set.</param>
/// <param name="Seed">Run seed.</param>
/// <param name="Device">auto, cpu, cuda or cuda:N.</param>
/// <param name="Threads">torch CPU threads (0: TorchSharp's default).</param>
/// <param name="ChannelsLast">Run the convolutions on NHWC-strided tensors (faster on CPU; same values).</param>
public sealed record TrainConfig(
    int InitChannels, int Cells, int StemMultiplier, bool AuxiliaryHead, double AuxiliaryWeight, double DropPath,
    HeadSpec Head, IReadOnlyList<int> BaselineChannels,
    int Epochs, int BatchSize, double Lr, double LrMin, double Momentum, double WeightDecay, double GradientClip,
    bool ClassWeightedLoss, long Seed, string Device, int Threads, bool ChannelsLast = true)
{
    /// <summary>The seed paper's numbers: C=8, 4 cells, LSTM 256, SGD 0.025 cosine, 300 epochs.</summary>
    public static TrainConfig Paper { get; } = new(
        InitChannels: 8, Cells: 4, StemMultiplier: 3, AuxiliaryHead: false, AuxiliaryWeight: 0.4, DropPath: 0.2,
        Head: HeadSpec.Paper, BaselineChannels: [32, 64, 128],
        Epochs: 300, BatchSize: 96, Lr: 0.025, LrMin: 0.001, Momentum: 0.9, WeightDecay: 3e-4, GradientClip: 5,
        ClassWeightedLoss: false, Seed: 2, Device: "auto", Threads: 0);

    /// <summary>Sized for a 2-core CPU demo on 64x64 inputs and ~190 training clips.</summary>
    public static TrainConfig Small { get; } = Paper with
    {
        InitChannels = 4, Cells = 3, DropPath = 0.1, Head = new HeadSpec(64, 1, [32], 0.2, false),
        BaselineChannels = [8, 16, 32], Epochs = 20, BatchSize = 16, Lr = 0.05,
    };

    public static TrainConfig Preset(string name) => name.Trim().ToLowerInvariant() switch
    {
        "paper" => Paper,
        "small" => Small,
        _ => throw new ArgumentException($"unknown preset '{name}': use paper or small"),
    };

    public void Validate()
    {
        if (InitChannels < 1 || Cells < 1 || StemMultiplier < 1)
            throw new ArgumentException($"network sizes must be positive: C={InitChannels}, cells={Cells}");
        if (Epochs < 1 || BatchSize < 1) throw new ArgumentException($"epochs ({Epochs}) and batch size ({BatchSize}) must be positive");
        if (Lr <= 0 || LrMin < 0 || LrMin > Lr) throw new ArgumentException($"need 0 <= lr min ({LrMin}) <= lr ({Lr}), lr > 0");
        if (DropPath is < 0 or >= 1) throw new ArgumentException($"drop path must be in [0, 1), got {DropPath}");
        Head.Validate();
    }

    public string ToJson() => ConfigJson.Serialize(this);

    public static TrainConfig FromJson(string json, string source = "train config") => ConfigJson.Deserialize<TrainConfig>(json, source);
}
