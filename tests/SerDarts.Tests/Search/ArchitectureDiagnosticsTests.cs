using SerDarts.Networks;
using SerDarts.Search;

namespace SerDarts.Tests.Search;

public class ArchitectureDiagnosticsTests
{
    [Fact]
    public void Normalised_entropy_is_one_when_uniform_and_zero_when_certain()
    {
        var uniform = Enumerable.Repeat(Enumerable.Repeat(0.125, 8).ToArray(), 3).ToArray();
        Assert.Equal(1.0, ArchitectureDiagnostics.MeanNormalisedEntropy(uniform), 12);
        double[][] certain = [[1, 0, 0, 0], [0, 0, 1, 0]];
        Assert.Equal(0.0, ArchitectureDiagnostics.MeanNormalisedEntropy(certain), 12);
    }

    [Fact]
    public void Normalised_entropy_matches_a_hand_calculation()
    {
        // Row 1: (1/2, 1/4, 1/4, 0): H = 1.5 ln 2, ln 4 = 2 ln 2 -> 0.75. Row 2: uniform over 4 -> 1. Mean 0.875.
        double[][] weights = [[0.5, 0.25, 0.25, 0], [0.25, 0.25, 0.25, 0.25]];
        Assert.Equal(0.875, ArchitectureDiagnostics.MeanNormalisedEntropy(weights), 12);
    }

    [Fact]
    public void Changed_edges_count_new_edges_node_by_node_in_both_cells()
    {
        var before = new Genotype(
            [[new("sep_conv_3x3", 0), new("skip_connect", 1)], [new("max_pool_3x3", 2), new("skip_connect", 0)]], [2, 3],
            [[new("avg_pool_3x3", 0), new("avg_pool_3x3", 1)], [new("dil_conv_3x3", 2), new("sep_conv_5x5", 0)]], [2, 3]);
        var after = before with
        {
            // node 0: the same edges in another order (no change); node 1: one edge's operation changed.
            Normal = [[new("skip_connect", 1), new("sep_conv_3x3", 0)], [new("max_pool_3x3", 2), new("dil_conv_5x5", 0)]],
            // node 1: one edge reads another input.
            Reduce = [[new("avg_pool_3x3", 0), new("avg_pool_3x3", 1)], [new("dil_conv_3x3", 1), new("sep_conv_5x5", 0)]],
        };
        Assert.Equal(0, ArchitectureDiagnostics.ChangedEdges(before, before));
        Assert.Equal(2, ArchitectureDiagnostics.ChangedEdges(before, after));
    }

    [Fact]
    public void Only_a_search_whose_normal_cell_stayed_flat_is_flagged()
    {
        static SearchEpochRecord Epoch(int epoch, double normalEntropy, bool updated = true) =>
            new(epoch, 0.1, updated, 1, 0.3, 1, 0.3, normalEntropy, 0.5, 0, 0, [], [], [], null!, 0);
        Assert.NotNull(ArchitectureDiagnostics.FlatWarning([Epoch(1, 0.999), Epoch(2, 0.985)]));
        Assert.Null(ArchitectureDiagnostics.FlatWarning([Epoch(1, 0.999), Epoch(2, 0.97)]));
        // Warm-up epochs (architecture not updated) do not count either way.
        Assert.Null(ArchitectureDiagnostics.FlatWarning([Epoch(1, 1.0, updated: false), Epoch(2, 0.95)]));
    }
}
