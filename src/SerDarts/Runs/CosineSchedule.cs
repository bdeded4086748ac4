namespace SerDarts.Runs;

/// <summary>
/// Cosine annealing per epoch (as torch's CosineAnnealingLR with T_max = epochs, stepped after each epoch):
/// lr(e) = min + (max - min) (1 + cos(pi e / epochs)) / 2. A pure function of the epoch, so resuming needs no
/// scheduler state.
/// </summary>
public sealed record CosineSchedule(double Initial, double Minimum, int Epochs)
{
    public double At(int epoch) =>
        Epochs <= 0 ? Initial : Minimum + (Initial - Minimum) * (1 + Math.Cos(Math.PI * epoch / Epochs)) / 2;
}
