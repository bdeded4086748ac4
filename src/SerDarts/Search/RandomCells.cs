using System.Globalization;
using SerDarts.Features;
using SerDarts.Networks;

namespace SerDarts.Search;

/// <summary>
/// The random control's cells (<see cref="RandomSpec"/>): draw d of a trial is <see cref="RandomGenotype"/> with
/// <see cref="RandomGenotype.DrawSeed"/>, so it depends on (fold, seed, draw) only. With a reference count, the
/// draw is redrawn (try 1, 2, ... with their own seeds) until its model's parameter count lies within the
/// tolerance, and the trial fails after network.random.maxTries cells.
/// </summary>
public static class RandomCells
{
    public static RandomDraw Draw(NetworkSpec network, int runSeed, int draw, long? reference)
    {
        var settings = network.Random;
        int tries = reference is null ? 1 : settings.MaxTries;
        long closest = -1;
        for (int attempt = 0; attempt < tries; attempt++)
        {
            int seed = RandomGenotype.DrawSeed(runSeed, draw, attempt);
            var genotype = RandomGenotype.Sample(network.Space(), network.Nodes, seed);
            long count = Parameters(network, genotype);
            if (reference is not { } target || Within(count, target, settings.ParameterTolerance))
                return new RandomDraw(draw, seed, genotype, count, reference, attempt + 1);
            if (closest < 0 || Math.Abs(count - target) < Math.Abs(closest - target)) closest = count;
        }
        throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
            $"network.random.maxTries: none of {tries} random cells of draw {draw} has a parameter count within " +
            $"{settings.ParameterTolerance * 100:0.#}% of {reference:N0} (closest {closest:N0}); raise maxTries or parameterTolerance"));
    }

    /// <summary>|count - reference| &lt;= tolerance x reference.</summary>
    public static bool Within(long count, long reference, double tolerance) => Math.Abs(count - reference) <= tolerance * reference;

    /// <summary>Trainable parameters of the derived network of <paramref name="genotype"/> (without the auxiliary
    /// head, as trials report them).</summary>
    public static long Parameters(NetworkSpec network, Genotype genotype)
    {
        using var model = NetworkFactory.Create(network with { Kind = NetworkKinds.Random }, genotype, FeatureSet.Classes, channelsLast: false);
        return model.ParameterCount();
    }
}
