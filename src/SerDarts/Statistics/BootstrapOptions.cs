using SerDarts.Runtime;
namespace SerDarts.Statistics;

/// <summary>
/// How a percentile bootstrap runs: <paramref name="Resamples"/> resamples drawn by <see cref="SplitMix64"/>
/// from <paramref name="Seed"/>, and the central <paramref name="Level"/> interval of their means.
/// </summary>
/// <remarks>10 000 resamples put the Monte Carlo error of a 95% endpoint near 3% of the bootstrap
/// distribution's standard deviation; the fixed seed makes every report reproduce to the last digit.</remarks>
public sealed record BootstrapOptions(int Resamples = 10_000, ulong Seed = 1, double Level = 0.95)
{
    public static BootstrapOptions Default { get; } = new();

    /// <summary>Throws unless there is at least one resample and 0 &lt; Level &lt; 1.</summary>
    public void Validate()
    {
        if (Resamples < 1)
            throw new ArgumentOutOfRangeException(nameof(Resamples), Resamples, "a bootstrap needs at least one resample");
        if (!(Level > 0 && Level < 1))
            throw new ArgumentOutOfRangeException(nameof(Level), Level, "the confidence level must lie strictly between 0 and 1");
    }
}
