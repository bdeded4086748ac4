namespace SerDarts.Training;

/// <summary>One training epoch, as logged and stored.</summary>
public sealed record EpochRecord(
    int Epoch,
    double LearningRate,
    double TrainLoss,
    double TrainAccuracy,
    double ValidationLoss,
    double ValidationUnweightedAccuracy,
    double Seconds);
