namespace SerDarts.Training;

/// <summary>
/// One training epoch, as logged and stored. The test-speaker scores of every epoch are recorded only so that
/// reports can show the authors' optimistic protocol (best epoch chosen on the test speakers) beside the honest
/// one; model selection never reads them.
/// </summary>
public sealed record EpochRecord(
    int Epoch,
    double LearningRate,
    double TrainLoss,
    double TrainAccuracy,
    double ValidationLoss,
    double ValidationUnweightedAccuracy,
    double TestUnweightedAccuracy,
    double TestWeightedAccuracy,
    double Seconds);
