namespace SerDarts.Search;

/// <summary>Where a search stands: epoch index (0-based) of <paramref name="Epochs"/>. Methods whose terms follow a
/// schedule (DARTS-' decaying skip, beta-DARTS' growing weight, SDARTS' growing noise) read it.</summary>
public sealed record SearchPhase(int Epoch, int Epochs)
{
    public static SearchPhase Start { get; } = new(0, 1);

    /// <summary>t / T: 0 at the first epoch, (T - 1) / T at the last.</summary>
    public double Fraction => Epochs <= 0 ? 0 : (double)Epoch / Epochs;

    /// <summary>t / (T - 1): 0 at the first epoch, 1 at the last (1 for a one-epoch search).</summary>
    public double Ramp => Epochs <= 1 ? 1 : (double)Epoch / (Epochs - 1);
}
