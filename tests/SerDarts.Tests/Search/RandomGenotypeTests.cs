using SerDarts.Networks;
using SerDarts.Search;

namespace SerDarts.Tests.Search;

public class RandomGenotypeTests
{
    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    public void A_random_genotype_is_a_valid_draw_from_the_search_space(int nodes)
    {
        foreach (var seed in Enumerable.Range(0, 50))
        {
            var g = RandomGenotype.Sample(SearchSpace.Darts, nodes, seed);
            GenotypeFormat.Validate(g, $"seed {seed}");
            Assert.Equal(Enumerable.Range(2, nodes), g.NormalConcat);
            foreach (var cell in new[] { g.Normal, g.Reduce })
            {
                Assert.Equal(nodes, cell.Count);
                for (int node = 0; node < nodes; node++)
                {
                    Assert.Equal(2, cell[node].Count);
                    Assert.NotEqual(cell[node][0].Input, cell[node][1].Input); // two distinct inputs
                    Assert.All(cell[node], e => Assert.InRange(e.Input, 0, node + 1));
                    Assert.All(cell[node], e => Assert.NotEqual(Operations.None, e.Operation));
                }
            }
        }
    }

    [Fact]
    public void The_draw_is_fixed_by_the_seed_and_differs_between_seeds()
    {
        Assert.Equal(RandomGenotype.Sample(SearchSpace.Darts, 4, 7), RandomGenotype.Sample(SearchSpace.Darts, 4, 7));
        var draws = Enumerable.Range(0, 20).Select(seed => RandomGenotype.Sample(SearchSpace.Darts, 4, seed).ToString()).Distinct().Count();
        Assert.Equal(20, draws);
    }

    [Fact]
    public void Operations_and_input_pairs_are_drawn_uniformly()
    {
        // 4000 draws of node 2's edges (inputs from {0, 1, 2, 3}: 6 pairs; 7 operations): each operation should
        // appear 8000 / 7 ~ 1143 times and each pair 4000 / 6 ~ 667 times; 5 standard deviations of slack.
        var operations = new Dictionary<string, int>();
        var pairs = new Dictionary<(int, int), int>();
        for (int seed = 0; seed < 4000; seed++)
        {
            var node = RandomGenotype.Sample(SearchSpace.Darts, 3, seed).Normal[2];
            foreach (var e in node) operations[e.Operation] = operations.GetValueOrDefault(e.Operation) + 1;
            var pair = (node[0].Input, node[1].Input);
            pairs[pair] = pairs.GetValueOrDefault(pair) + 1;
        }
        Assert.Equal(7, operations.Count);
        Assert.All(operations.Values, n => Assert.InRange(n, 8000 / 7 - 5 * 32, 8000 / 7 + 5 * 32));
        Assert.Equal(6, pairs.Count);
        Assert.All(pairs.Values, n => Assert.InRange(n, 667 - 5 * 24, 667 + 5 * 24));
    }
}
