using SerDarts.Models;
using SerDarts.Search;
using SerDarts.Training;

namespace SerDarts.Experiments;

/// <summary>
/// Maps an experiment spec onto the search and training configurations. The spec's numbers win; what a spec
/// does not name (stem multiplier, dense layers, dropout, baseline channels, final learning rate) comes from the
/// training layer's preset of the same size ("small" grid: <see cref="SearchConfig.Small"/>, else Paper).
/// </summary>
public static class TrialConfigs
{
    public static SearchConfig Search(ExperimentSpec spec, int seed)
    {
        var s = spec.Search;
        var basis = spec.Features.Grid == "small" ? SearchConfig.Small : SearchConfig.Paper;
        return basis with
        {
            Cells = s.Cells, Nodes = s.Nodes, InitChannels = s.InitChannels, Epochs = s.Epochs, BatchSize = s.BatchSize,
            Order = s.Order == "second" ? SearchOrder.Second : SearchOrder.First,
            WeightLr = s.LearningRate, WeightLrMin = Math.Min(basis.WeightLrMin, s.LearningRate), AlphaLr = s.ArchLearningRate,
            // The head searched with is the head trained with (no dropout: the unrolled step needs one function).
            Head = Head(spec, basis.Head) with { Dropout = 0 },
            ClassWeightedLoss = spec.Training.ClassWeightedLoss,
            Seed = seed, Device = spec.Device,
        };
    }

    public static TrainConfig Train(ExperimentSpec spec, int seed)
    {
        var t = spec.Training;
        var basis = spec.Features.Grid == "small" ? TrainConfig.Small : TrainConfig.Paper;
        return basis with
        {
            InitChannels = spec.Search.InitChannels, Cells = spec.Search.Cells,
            AuxiliaryHead = t.Auxiliary, AuxiliaryWeight = t.AuxiliaryWeight, DropPath = t.DropPath,
            Head = Head(spec, basis.Head),
            Epochs = t.Epochs, BatchSize = t.BatchSize, Lr = t.LearningRate, LrMin = Math.Min(basis.LrMin, t.LearningRate),
            Momentum = t.Momentum, WeightDecay = t.WeightDecay, GradientClip = t.GradientClip,
            ClassWeightedLoss = t.ClassWeightedLoss, Seed = seed, Device = spec.Device,
        };
    }

    /// <summary>The model a spec trains; a darts model needs the searched genotype.</summary>
    public static ModelSpec Model(ExperimentSpec spec, Genotype? genotype) => spec.Model switch
    {
        ModelKinds.Darts => ModelSpec.Darts(genotype ?? throw new ArgumentNullException(nameof(genotype)), spec.Training.LstmLayers),
        ModelKinds.Cnn => new ModelSpec(ModelKind.Cnn),
        ModelKinds.CnnLstm => new ModelSpec(ModelKind.CnnLstm, LstmLayers: spec.Training.LstmLayers),
        _ => throw new ArgumentException($"unknown model '{spec.Model}'"),
    };

    private static HeadSpec Head(ExperimentSpec spec, HeadSpec basis) =>
        basis with { LstmUnits = spec.Training.LstmUnits, LstmLayers = spec.Training.LstmLayers };
}
