using SerDarts.Training;

namespace SerDarts.Models;

/// <summary>Builds the network of a training run from its model spec and config.</summary>
public static class ModelFactory
{
    public static ClassifierModel Create(ModelSpec spec, TrainConfig config, int classes)
    {
        spec.Validate();
        config.Validate();
        var head = config.Head with { LstmLayers = spec.LstmLayers, Attention = spec.Attention };
        return spec.Kind switch
        {
            ModelKind.Darts => new DerivedNetwork(spec.Genotype!, config.InitChannels, config.Cells, config.StemMultiplier,
                config.AuxiliaryHead, head, classes, config.ChannelsLast),
            ModelKind.Cnn => new CnnBaseline(config.BaselineChannels, config.Head.DenseUnits, config.Head.Dropout, classes,
                config.ChannelsLast),
            ModelKind.CnnLstm => new CnnLstmBaseline(config.BaselineChannels, head, classes, config.ChannelsLast),
            _ => throw new ArgumentException($"unknown model kind {spec.Kind}"),
        };
    }
}
