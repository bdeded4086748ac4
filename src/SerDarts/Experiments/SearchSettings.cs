namespace SerDarts.Experiments;

/// <summary>DARTS search settings (used when the model is <c>darts</c>; the derived network reuses
/// <see cref="Cells"/>, <see cref="Nodes"/> and <see cref="InitChannels"/>).</summary>
/// <param name="Cells">Cells of the CNN (the paper's C = 4; the ablation compares 4 with 8).</param>
/// <param name="Nodes">Intermediate nodes per cell.</param>
/// <param name="InitChannels">Channels of the first cell.</param>
/// <param name="Epochs">Search epochs.</param>
/// <param name="BatchSize">Search mini-batch size.</param>
/// <param name="Order">"first" or "second" order architecture gradient.</param>
/// <param name="Portion">Share of the training split that trains the weights; the rest trains the architecture.</param>
/// <param name="LearningRate">Weight learning rate (SGD, cosine annealed).</param>
/// <param name="ArchLearningRate">Architecture learning rate (Adam).</param>
public sealed record SearchSettings(
    int Cells = 4,
    int Nodes = 4,
    int InitChannels = 8,
    int Epochs = 50,
    int BatchSize = 32,
    string Order = "first",
    double Portion = 0.5,
    double LearningRate = 0.025,
    double ArchLearningRate = 3e-4);
