using SerDarts.Runtime;

namespace SerDarts.Training;

/// <summary>
/// Optimisation of the final model (derived, random-cell or baseline network) trained jointly with its head:
/// SGD with cosine annealing, as in the paper. What the network is lives in <see cref="Networks.NetworkSpec"/>.
/// </summary>
public sealed record TrainingSettings
{
    /// <summary>Training epochs (paper: 300).</summary>
    public int Epochs { get; init; } = 300;

    public int BatchSize { get; init; } = 32;

    /// <summary>Initial SGD learning rate, annealed by cosine to <see cref="LearningRateMin"/>.</summary>
    public double LearningRate { get; init; } = 0.025;

    public double LearningRateMin { get; init; } = 0.001;

    public double Momentum { get; init; } = 0.9;

    public double WeightDecay { get; init; } = 3e-4;

    /// <summary>Maximum gradient norm (0: no clipping).</summary>
    public double GradientClip { get; init; } = 5.0;

    /// <summary>Weight the cross-entropy by inverse class frequency of the training set.</summary>
    public bool ClassWeightedLoss { get; init; } = true;

    /// <summary>Final drop-path probability of the derived cells, reached linearly over the epochs (0: off).</summary>
    public double DropPath { get; init; } = 0.2;

    /// <summary>Weight of the auxiliary head's loss (when the network has one).</summary>
    public double AuxiliaryWeight { get; init; } = 0.4;

    public IEnumerable<string> Errors(string path = "training")
    {
        if (Epochs < 1) yield return $"{path}.epochs must be >= 1";
        if (BatchSize < 2) yield return $"{path}.batchSize must be >= 2 (BatchNorm needs two samples)";
        if (LearningRate <= 0) yield return $"{path}.learningRate must be > 0";
        if (LearningRateMin < 0 || LearningRateMin > LearningRate) yield return $"{path}.learningRateMin must be in [0, learningRate]";
        if (Momentum is < 0 or >= 1) yield return $"{path}.momentum must be in [0, 1)";
        if (WeightDecay < 0) yield return $"{path}.weightDecay must be >= 0";
        if (GradientClip < 0) yield return $"{path}.gradientClip must be >= 0 (0: off)";
        if (DropPath is < 0 or >= 1) yield return $"{path}.dropPath must be in [0, 1)";
        if (AuxiliaryWeight < 0) yield return $"{path}.auxiliaryWeight must be >= 0";
    }

    public void Validate() => SpecErrors.ThrowIfAny(Errors(), "training settings");
}
