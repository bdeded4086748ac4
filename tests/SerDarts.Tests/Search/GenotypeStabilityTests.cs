using SerDarts.Networks;
using SerDarts.Search;

namespace SerDarts.Tests.Search;

public class GenotypeStabilityTests
{
    private static IReadOnlyList<IReadOnlyList<GenotypeEdge>> Cell(params (string Op, int Input)[][] nodes) =>
        nodes.Select(n => (IReadOnlyList<GenotypeEdge>)n.Select(e => new GenotypeEdge(e.Op, e.Input)).ToList()).ToList();

    private static readonly IReadOnlyList<IReadOnlyList<GenotypeEdge>> A =
        Cell([(Operations.SepConv3x3, 0), (Operations.SkipConnect, 1)], [(Operations.MaxPool3x3, 2), (Operations.DilConv3x3, 0)]);
    private static readonly IReadOnlyList<IReadOnlyList<GenotypeEdge>> B =
        Cell([(Operations.SkipConnect, 1), (Operations.SepConv3x3, 0)], [(Operations.AvgPool3x3, 2), (Operations.DilConv3x3, 0)]);
    private static readonly IReadOnlyList<IReadOnlyList<GenotypeEdge>> C =
        Cell([(Operations.SkipConnect, 0), (Operations.MaxPool3x3, 1)], [(Operations.AvgPool3x3, 1), (Operations.AvgPool3x3, 2)]);

    [Fact]
    public void Jaccard_compares_node_input_operation_sets()
    {
        Assert.Equal(1.0, GenotypeStability.Jaccard(A, A));
        Assert.Equal(3.0 / 5, GenotypeStability.Jaccard(A, B), 15); // 3 shared of 5 distinct edges (order within a node does not count)
        Assert.Equal(0.0, GenotypeStability.Jaccard(A, C));
        Assert.Equal(1.0 / 7, GenotypeStability.Jaccard(B, C), 15); // only (node 1, input 2, avg_pool)
        // The same (input, operation) at another node is another edge.
        Assert.Equal(0.0, GenotypeStability.Jaccard(Cell([(Operations.SkipConnect, 0)], []), Cell([], [(Operations.SkipConnect, 0)])));
    }

    [Fact]
    public void Stability_is_the_mean_over_pairs_and_a_low_one_warns()
    {
        Assert.Equal((0.6 + 0 + 1.0 / 7) / 3, GenotypeStability.MeanPairwiseJaccard([A, B, C]), 15);
        Assert.True(double.IsNaN(GenotypeStability.MeanPairwiseJaccard([A])));

        Genotype G(IReadOnlyList<IReadOnlyList<GenotypeEdge>> normal) => new(normal, [2, 3], A, [2, 3]);
        SearchRepeat Run(int i, double ua) => new(i, i, "", 0.3, ua, $"repeat-{i}");
        var unstable = SearchRepeats.From([Run(0, 0.40), Run(1, 0.55), Run(2, 0.55)], [G(A), G(B), G(C)]);
        Assert.Equal(1, unstable.Chosen); // best trained validation UA, the first of equals
        Assert.Equal(0.2476190476190476, unstable.NormalStability, 12);
        Assert.Equal(1.0, unstable.ReduceStability);
        Assert.Contains("unstable", unstable.Warning);
        var stable = SearchRepeats.From([Run(0, 0.5), Run(1, 0.4)], [G(A), G(A)]);
        Assert.Equal(0, stable.Chosen);
        Assert.Null(stable.Warning);
    }
}
