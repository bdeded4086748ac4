using SerDarts.Corpora;
using SerDarts.Networks;

namespace SerDarts.Search;

/// <summary>
/// The random-architecture control of NAS evaluation (Li and Talwalkar 2019; Yang et al. 2020): a genotype drawn
/// uniformly from the same search space a DARTS search explores: for each intermediate node of the normal and
/// the reduction cell, two distinct earlier states and, for each, an operation other than <c>none</c>, every
/// intermediate node concatenated, as DARTS derives. Seeded, so each trial seed has its own draw.
/// </summary>
public static class RandomGenotype
{
    /// <summary>Stream id of the draw (the trial seed picks the sequence).</summary>
    private const int Stream = 0x52414E44; // "RAND"

    /// <summary>
    /// The seed of try <paramref name="attempt"/> of draw <paramref name="draw"/> of a trial with run seed
    /// <paramref name="runSeed"/> (itself from seed and fold): the run seed for the first try of the first draw, so one
    /// unmatched draw is the cell a trial drew before draws existed; derived ones otherwise. 31 bits, non-negative.
    /// </summary>
    public static int DrawSeed(int runSeed, int draw, int attempt) =>
        draw == 0 && attempt == 0 ? runSeed : (int)(Runtime.Seeds.Derive(runSeed, DrawPurpose, draw, attempt) >> 32);

    // Distinguishes this derivation from the other uses of the run seed.
    private const long DrawPurpose = 0x52414E44;

    public static Genotype Sample(SearchSpace space, int nodes, int seed)
    {
        if (nodes < 1) throw new ArgumentException($"a cell needs at least one node, got {nodes}");
        var random = new SeededRandom(seed, Stream);
        var candidates = space.Candidates;
        var concat = Enumerable.Range(2, nodes).ToArray();
        return new Genotype(Cell(random, candidates, nodes), concat, Cell(random, candidates, nodes), concat);
    }

    private static IReadOnlyList<IReadOnlyList<GenotypeEdge>> Cell(SeededRandom random, IReadOnlyList<string> operations, int nodes)
    {
        var cell = new List<IReadOnlyList<GenotypeEdge>>(nodes);
        for (int node = 0; node < nodes; node++)
        {
            var inputs = Enumerable.Range(0, node + 2).ToList(); // the two cell inputs and the earlier nodes
            random.Shuffle(inputs);
            cell.Add(inputs.Take(2).Order().Select(input => new GenotypeEdge(operations[random.Next(operations.Count)], input)).ToList());
        }
        return cell;
    }
}
