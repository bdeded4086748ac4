namespace SerDarts.Experiments;

/// <summary>Training of the final model (the derived DARTS network or a hand-engineered baseline),
/// jointly with the LSTM head: SGD with cosine annealing, as in the paper.</summary>
/// <param name="Epochs">Training epochs (paper: 300).</param>
/// <param name="BatchSize">Mini-batch size.</param>
/// <param name="LearningRate">Initial SGD learning rate.</param>
/// <param name="Momentum">SGD momentum.</param>
/// <param name="WeightDecay">SGD weight decay.</param>
/// <param name="LstmLayers">LSTM depth (the ablation compares 1, 2 and 3).</param>
/// <param name="LstmUnits">LSTM hidden units (paper: 256).</param>
/// <param name="ClassWeightedLoss">Weight the cross-entropy by inverse class frequency.</param>
/// <param name="DropPath">Drop-path probability of the derived cells (0 disables).</param>
/// <param name="Auxiliary">Add the DARTS auxiliary head.</param>
/// <param name="AuxiliaryWeight">Weight of the auxiliary loss.</param>
/// <param name="GradientClip">Maximum gradient norm.</param>
public sealed record TrainingSettings(
    int Epochs = 300,
    int BatchSize = 32,
    double LearningRate = 0.025,
    double Momentum = 0.9,
    double WeightDecay = 3e-4,
    int LstmLayers = 1,
    int LstmUnits = 256,
    bool ClassWeightedLoss = true,
    double DropPath = 0.2,
    bool Auxiliary = false,
    double AuxiliaryWeight = 0.4,
    double GradientClip = 5.0);
