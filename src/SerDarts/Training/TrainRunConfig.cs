using SerDarts.Features;
using SerDarts.Networks;
using SerDarts.Runs;

namespace SerDarts.Training;

/// <summary>config.json of a training run: the network (with its genotype when it has cells), the optimisation
/// settings, the SpecAugment masks of training batches and the seed, every number explicit.</summary>
public sealed record TrainRunConfig(int Schema, NetworkSpec Network, Genotype? Genotype, TrainingSettings Training, MaskingSettings Masking, long Seed)
{
    public static TrainRunConfig Create(NetworkSpec network, Genotype? genotype, TrainingSettings training, long seed,
        MaskingSettings? masking = null) =>
        new(RunConfigs.Schema, network, genotype, training, masking ?? MaskingSettings.None, seed);

    public string ToJson() => ConfigJson.Serialize(this);

    public static TrainRunConfig FromJson(string json, string source) => ConfigJson.Deserialize<TrainRunConfig>(json, source);
}
