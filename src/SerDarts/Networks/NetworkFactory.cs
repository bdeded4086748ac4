namespace SerDarts.Networks;

/// <summary>Builds the trainable network a spec describes.</summary>
public static class NetworkFactory
{
    /// <param name="spec">The network (validated here).</param>
    /// <param name="genotype">The cells of a darts or random network (the search's or the sampled one); null for the baselines.</param>
    /// <param name="classes">Output classes.</param>
    /// <param name="channelsLast">NHWC strides (faster on CPU; same values).</param>
    /// <param name="inputRows">Rows (channels x frequency rows) of the inputs: the linear model's functional count depends on them.</param>
    public static ClassifierModel Create(NetworkSpec spec, Genotype? genotype, int classes, bool channelsLast = true, long inputRows = 0)
    {
        spec.Validate();
        if (NetworkKinds.UsesCells(spec.Kind) && genotype is null)
            throw new ArgumentException($"a {spec.Kind} network needs a genotype (a search's genotype.json, or the sampled one)");
        return spec.Kind switch
        {
            NetworkKinds.Darts or NetworkKinds.Random => new DerivedNetwork(genotype!, spec.InitChannels, spec.Cells, spec.StemMultiplier,
                spec.Auxiliary, spec.Head, classes, channelsLast),
            NetworkKinds.Cnn => new CnnBaseline(spec.BaselineChannels, spec.Head.DenseUnits, spec.Head.Dropout, classes, channelsLast),
            NetworkKinds.CnnLstm => new CnnLstmBaseline(spec.BaselineChannels, spec.Head, classes, channelsLast),
            NetworkKinds.Linear => new LinearClassifier(spec.Linear, inputRows, classes),
            _ => throw new ArgumentException($"unknown network kind '{spec.Kind}'"),
        };
    }
}
