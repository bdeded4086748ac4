using SerDarts.Experiments.Specs;
using SerDarts.Networks;
using SerDarts.Search;

namespace SerDarts.Tests.Search;

/// <summary>The random control's draws depend on (fold, seed, draw) only; matched draws hold parameter counts within
/// the tolerance of the reference, and give up after a bounded number of cells.</summary>
[Collection(Training.TorchSerialCollection.Name)] // builds and trains networks: not beside tests that change torch's state
public class RandomCellsTests
{
    private static NetworkSpec Small() => ExperimentPresets.ApplySmall(new ExperimentSpec()).Network with { Kind = NetworkKinds.Random };

    [Fact]
    public void Two_folds_and_two_draws_give_four_cells_and_the_same_fold_seed_and_draw_gives_the_same_cell()
    {
        var network = Small();
        var cells = (from fold in new[] { 0, 1 } from draw in new[] { 0, 1 }
                     select RandomCells.Draw(network, TrialSpec.RunSeedOf(0, fold), draw, reference: null).Genotype.ToString()).ToList();
        Assert.Equal(4, cells.Distinct().Count());
        var again = RandomCells.Draw(network, TrialSpec.RunSeedOf(0, 1), 1, reference: null).Genotype.ToString();
        Assert.Equal(cells[3], again);
        // Draw 0 is the cell a random trial drew before draws existed (the run seed itself).
        Assert.Equal(RandomGenotype.Sample(network.Space(), network.Nodes, TrialSpec.RunSeedOf(0, 1)).ToString(), cells[2]);
    }

    /// <summary>3 cells (the first is normal), C = 4, one node: the normal cell's two edges are the only difference
    /// between the genotypes. Counted by hand from pt.darts' operations with affine BatchNorm (2 C per BN):
    /// sep_conv_3x3 = 2 x (depthwise 9 C + pointwise C^2 + BN 2 C) = 2 x (36 + 16 + 8) = 120;
    /// dil_conv_3x3 = 9 C + C^2 + 2 C = 60; max_pool_3x3 + BN = 8; skip_connect (stride 1) = 0.</summary>
    [Theory]
    [InlineData(Operations.SepConv3x3, 120)]
    [InlineData(Operations.DilConv3x3, 60)]
    [InlineData(Operations.MaxPool3x3, 8)]
    [InlineData(Operations.SkipConnect, 0)]
    public void An_edges_operation_adds_its_hand_counted_parameters(string operation, long expected)
    {
        var network = Small() with { Cells = 3, Nodes = 1, InitChannels = 4 };
        Genotype With(string op) => new(
            [[new GenotypeEdge(op, 0), new GenotypeEdge(Operations.SkipConnect, 1)]], [2],
            [[new GenotypeEdge(Operations.MaxPool3x3, 0), new GenotypeEdge(Operations.MaxPool3x3, 1)]], [2]);
        long skip = RandomCells.Parameters(network, With(Operations.SkipConnect));
        Assert.Equal(expected, RandomCells.Parameters(network, With(operation)) - skip);
    }

    [Fact]
    public void A_matched_draw_lies_within_ten_percent_of_the_reference_and_records_the_counts()
    {
        var network = Small() with { Random = new RandomSpec { MatchParameters = true } };
        var first = RandomCells.Draw(network, 12345, 0, reference: null);
        // A reference 30% above the first cell's count: the first try cannot match it.
        long reference = (long)(first.Parameters * 1.3);
        var matched = RandomCells.Draw(network, 12345, 0, reference);
        Assert.True(Math.Abs(matched.Parameters - reference) <= 0.1 * reference, $"{matched.Parameters} vs {reference}");
        Assert.True(matched.Tries > 1);
        Assert.Equal(reference, matched.Reference);
        Assert.Equal(RandomCells.Parameters(network, matched.Genotype), matched.Parameters);
        Assert.Equal(matched, RandomCells.Draw(network, 12345, 0, reference)); // deterministic redraws
    }

    [Fact]
    public void An_unreachable_reference_fails_after_max_tries_naming_the_field()
    {
        var network = Small() with { Random = new RandomSpec { MatchParameters = true, MaxTries = 3 } };
        var e = Assert.Throws<InvalidOperationException>(() => RandomCells.Draw(network, 1, 0, reference: 10));
        Assert.Contains("network.random.maxTries", e.Message);
        Assert.Contains("none of 3 random cells", e.Message);
    }

    [Theory]
    [InlineData(90, 100, true)]
    [InlineData(110, 100, true)]
    [InlineData(89, 100, false)]
    [InlineData(111, 100, false)]
    public void Within_is_a_relative_tolerance_around_the_reference(long count, long reference, bool within) =>
        Assert.Equal(within, RandomCells.Within(count, reference, 0.1));
}
