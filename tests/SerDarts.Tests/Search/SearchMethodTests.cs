using SerDarts.Networks;
using SerDarts.Search;
using SerDarts.Tests.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace SerDarts.Tests.Search;

/// <summary>
/// Each method against its paper's defining equation on small tensors. Reference numbers come from
/// make_method_fixtures.py (plain Python) or are worked out by hand in the comments.
/// </summary>
[Collection(TorchSerialCollection.Name)]
public class SearchMethodTests
{
    private static readonly IReadOnlyList<string> Ops = SearchSpace.Darts.Operations;
    private static readonly double[,] Normal = { { 0.1, -0.2, 0.3 }, { 0.5, 0.0, -0.4 } };
    private static readonly double[,] Reduce = { { 1.0, 0.2, -0.1 }, { 0.0, 0.0, 0.0 } };

    private static Tensor Leaf(double[,] values) => tensor(values, dtype: ScalarType.Float64).requires_grad_(true);

    private static void AssertClose(double[] expected, Tensor actual, double tolerance = 1e-12)
    {
        var values = actual.to(ScalarType.Float64).flatten().data<double>().ToArray();
        Assert.Equal(expected.Length, values.Length);
        for (int i = 0; i < values.Length; i++) Assert.True(Math.Abs(expected[i] - values[i]) <= tolerance, $"[{i}]: {values[i]} vs {expected[i]}");
    }

    [Fact]
    public void The_table_builds_every_named_method_and_names_an_unknown_one()
    {
        foreach (var name in SearchMethods.Names)
            Assert.Equal(name, SearchMethods.Create(new SearchSettings { Method = name }).Name);
        var error = Assert.Throws<ArgumentException>(() => SearchMethods.Create(new SearchSettings { Method = "enas" }));
        Assert.Contains("search.method 'enas'", error.Message);
        Assert.Contains(new SearchSettings { Method = "enas" }.Errors(), e => e.StartsWith("search.method 'enas' is not one of darts, pc-darts"));
    }

    [Fact]
    public void Beta_decay_loss_is_lambda_times_the_mean_log_sum_exp_of_each_cells_alphas()
    {
        using var scope = NewDisposeScope();
        var normal = Leaf(Normal);
        var reduce = Leaf(Reduce);
        // lambda ramps linearly: 2 x 2/4 at epoch index 2 of 5.
        var loss = new BetaDartsMethod(2.0).Regularizer(normal, reduce, new SearchPhase(2, 5))!;
        Assert.Equal(2.5310380852861325, loss.item<double>(), 12);
        loss.backward();
        // d/dalpha = lambda / |E| softmax(alpha_e)
        AssertClose([0.16879226889935822, 0.1250443883108526, 0.20616334278978918,
            0.24837311641567983, 0.15064591015448497, 0.10098097342983516], normal.grad!);
        Assert.Null(new BetaDartsMethod(2.0).Regularizer(normal, reduce, new SearchPhase(0, 5))); // lambda_0 = 0
    }

    [Fact]
    public void Fair_darts_mixes_by_sigmoid_and_adds_the_zero_one_loss()
    {
        using var scope = NewDisposeScope();
        var method = new FairDartsMethod(10.0, 0.85);
        var normal = Leaf(Normal);
        var reduce = Leaf(Reduce);
        AssertClose([0.52497918747894, 0.45016600268752216, 0.574442516811659, 0.6224593312018546, 0.5, 0.401312339887548],
            method.OperationWeights(normal));
        var loss = method.Regularizer(normal, reduce, SearchPhase.Start)!;
        Assert.Equal(-0.07490005942928736, loss.item<double>(), 12);
        loss.backward();
        // -w01/N * 2 (s - 1/2) s (1 - s)
        AssertClose([-0.010382018101223214, 0.02055790036552759, -0.030330153296313552,
            -0.04796399571026729, 0.0, 0.03951795135684047], normal.grad!);
    }

    /// <summary>A FairDARTS row: the named operations get the given sigmoid weights, the rest 0.1.</summary>
    private static double[] SigmoidRow(params (string Op, double Weight)[] set)
    {
        var row = Enumerable.Repeat(0.1, Ops.Count).ToArray();
        foreach (var (op, w) in set) row[Ops.ToList().IndexOf(op)] = w;
        return row;
    }

    [Fact]
    public void Fair_darts_derivation_keeps_operations_above_the_threshold_at_most_two_per_node()
    {
        // Three nodes: edges 0-1 (node 0), 2-4 (node 1), 5-8 (node 2).
        double[][] weights =
        [
            SigmoidRow((Operations.SepConv3x3, 0.95), (Operations.SkipConnect, 0.90)), // two above on one edge
            SigmoidRow((Operations.MaxPool3x3, 0.99), (Operations.None, 0.999)),         // none never counts
            SigmoidRow((Operations.DilConv3x3, 0.60)),
            SigmoidRow((Operations.AvgPool3x3, 0.86)),                                   // node 1: only this above
            SigmoidRow((Operations.SepConv5x5, 0.70)),
            SigmoidRow((Operations.SepConv3x3, 0.30)),                                   // node 2: none above
            SigmoidRow((Operations.DilConv5x5, 0.80)),
            SigmoidRow((Operations.SkipConnect, 0.84)),
            SigmoidRow((Operations.MaxPool3x3, 0.20)),
        ];
        var cell = new FairDartsMethod(10, 0.85).DeriveCell(weights, null, Ops, nodes: 3);
        // Node 0: max_pool from 1 (0.99), sep_conv_3x3 from 0 (0.95); skip from 0 (0.90) is third.
        Assert.Equal([new GenotypeEdge(Operations.MaxPool3x3, 1), new GenotypeEdge(Operations.SepConv3x3, 0)], cell[0]);
        // Node 1: avg_pool from 1 alone.
        Assert.Equal([new GenotypeEdge(Operations.AvgPool3x3, 1)], cell[1]);
        // Node 2: nothing above 0.85, the strongest (skip from 2, 0.84) is kept.
        Assert.Equal([new GenotypeEdge(Operations.SkipConnect, 2)], cell[2]);
    }

    [Fact]
    public void Darts_minus_adds_the_auxiliary_skip_with_a_linearly_decaying_weight()
    {
        var method = new DartsMinusMethod(2.0);
        Assert.Equal(2.0, method.AuxiliarySkipWeight(new SearchPhase(0, 4)), 15);  // beta0 (1 - 0/4)
        Assert.Equal(1.0, method.AuxiliarySkipWeight(new SearchPhase(2, 4)), 15);  // beta0 (1 - 2/4)
        Assert.Equal(0.5, method.AuxiliarySkipWeight(new SearchPhase(3, 4)), 15);

        using var scope = NewDisposeScope();
        manual_seed(1);
        // One node, stride 1: output = sum_e sum_o w_o o(s_e) + beta (s0' + s1'); zero mixing weights leave the skip.
        var cell = new SearchCell(1, 4, 4, 4, false, false, Ops, 1, auxiliarySkip: true);
        cell.eval();
        var s0 = randn(2, 4, 5, 5);
        var s1 = randn(2, 4, 5, 5);
        var zero = zeros(2, Ops.Count);
        var output = cell.call(s0, s1, new CellWeights(zero, null, 0.7));
        var children = cell.named_children().ToDictionary(c => c.name, c => c.module);
        var p0 = ((nn.Module<Tensor, Tensor>)children["preprocess0"]).call(s0);
        var p1 = ((nn.Module<Tensor, Tensor>)children["preprocess1"]).call(s1);
        Assert.True(output.allclose(p0.add(p1).mul(0.7), 1e-6, 1e-6));
        Assert.Equal(0.0, cell.call(s0, s1, new CellWeights(zero, null, 0)).abs().max().item<float>());
        Assert.Throws<ArgumentException>(() => new SearchController(TinySetups.Supernet(), method: method)); // needs the skips
    }

    [Fact]
    public void Sdarts_rs_perturbs_the_weight_steps_weights_uniformly_within_epsilon()
    {
        var method = new SdartsRsMethod(0.3);
        Assert.Equal(0.03, method.EpsilonAt(new SearchPhase(0, 10)), 15);
        Assert.Equal(0.165, method.EpsilonAt(new SearchPhase(5, 10)), 15); // 0.03 + 0.27 x 5/10

        using var scope = NewDisposeScope();
        manual_seed(7);
        var a = softmax(randn(400, 8, dtype: ScalarType.Float64), -1);
        var delta = method.WeightStepWeights(a, new SearchPhase(5, 10)).sub(a);
        Assert.True(delta.abs().max().item<double>() <= 0.165);
        // U[-eps, eps]: mean 0, variance eps^2 / 3 = 0.0090750 (3200 draws: standard errors about 0.0016 and 0.00014).
        Assert.True(Math.Abs(delta.mean().item<double>()) < 0.008);
        Assert.True(Math.Abs(delta.var().item<double>() - 0.165 * 0.165 / 3) < 0.0008);

        // The weight step sees the noise, the architecture step and evaluation do not.
        manual_seed(7);
        using var controller = new SearchController(TinySetups.Supernet(), method: method) { Phase = new SearchPhase(5, 10) };
        var alphaNormal = controller.Alphas().First();
        Assert.True(controller.MixingWeights().Normal.Operations.allclose(softmax(alphaNormal, -1)));
    }

    [Fact]
    public void Pc_darts_uses_k_4_where_edges_keep_2_channels_and_normalises_each_nodes_incoming_edges()
    {
        var pc = new SearchSettings { Method = SearchMethods.PcDarts };
        Assert.Equal(4, pc.PartialChannelsFor(8));  // the paper's C = 8: 2 channels per edge
        Assert.Equal(2, pc.PartialChannelsFor(4));  // the small preset's C = 4: K = 4 would leave 1
        Assert.Equal(1, pc.PartialChannelsFor(3));
        Assert.Equal(4, (pc with { PartialChannels = 4 }).PartialChannelsFor(4)); // asked for explicitly
        Assert.Equal(1, new SearchSettings().PartialChannelsFor(8));
        var small = new SerDarts.Experiments.Specs.ExperimentSpec { Network = new NetworkSpec { InitChannels = 4 }, Search = pc };
        small.EnsureValid(); // K = 2 chosen
        var error = Assert.Throws<InvalidDataException>(() => (small with { Search = pc with { PartialChannels = 4 } }).EnsureValid());
        Assert.Contains("search.partialChannels (4) leaves 1 channel per edge", error.Message);

        using var scope = NewDisposeScope();
        using var controller = new SearchController(TinySetups.Supernet(2), method: new PcDartsMethod());
        var betaNormal = controller.Alphas().ElementAt(2);
        using (no_grad()) betaNormal.copy_(tensor(new float[] { 0, (float)Math.Log(3), 0, 0, (float)Math.Log(2) }));
        // Node 0: softmax(0, ln 3) = (1/4, 3/4); node 1: softmax(0, 0, ln 2) = (1/4, 1/4, 1/2).
        AssertClose([0.25, 0.75, 0.25, 0.25, 0.5], controller.MixingWeights().Normal.Edges!, 1e-6);
    }

    [Fact]
    public void Pc_darts_derivation_ranks_edges_by_operation_weight_times_edge_weight()
    {
        double[] Row(string op, double w)
        {
            var row = Enumerable.Repeat((1 - w) / (Ops.Count - 1), Ops.Count).ToArray();
            row[Ops.ToList().IndexOf(op)] = w;
            return row;
        }
        // One node with three inputs (nodes = 1 has 2 inputs; use 2 nodes and read node 1).
        double[][] weights = [Row(Operations.SepConv3x3, 0.5), Row(Operations.SepConv3x3, 0.5),
            Row(Operations.SepConv3x3, 0.6), Row(Operations.MaxPool3x3, 0.5), Row(Operations.DilConv3x3, 0.4)];
        double[] edges = [0.5, 0.5, 0.2, 0.3, 0.5];
        // Node 1 strengths: 0.6 x 0.2 = 0.12, 0.5 x 0.3 = 0.15, 0.4 x 0.5 = 0.20 -> inputs 2 then 1.
        var cell = new PcDartsMethod().DeriveCell(weights, edges, Ops, nodes: 2);
        Assert.Equal([new GenotypeEdge(Operations.DilConv3x3, 2), new GenotypeEdge(Operations.MaxPool3x3, 1)], cell[1]);
    }

    [Fact]
    public void The_skip_cap_replaces_the_weakest_skips_by_their_next_choice()
    {
        double[] Row(params (string Op, double W)[] set)
        {
            var row = Enumerable.Repeat(0.01, Ops.Count).ToArray();
            foreach (var (op, w) in set) row[Ops.ToList().IndexOf(op)] = w;
            return row;
        }
        double[][] weights =
        [
            Row((Operations.SkipConnect, 0.9), (Operations.SepConv3x3, 0.05)),   // node 0, input 0: skip 0.9
            Row((Operations.SkipConnect, 0.5), (Operations.MaxPool3x3, 0.3)),    // node 0, input 1: skip 0.5
            Row((Operations.SkipConnect, 0.6), (Operations.DilConv3x3, 0.2)),    // node 1, input 0: skip 0.6
            Row((Operations.AvgPool3x3, 0.4)),                                   // node 1, input 1
            Row((Operations.SepConv5x5, 0.1)),                                   // node 1, input 2
        ];
        IReadOnlyList<IReadOnlyList<GenotypeEdge>> Derive(double[][] w) => GenotypeDerivation.Cell(w, null, Ops, 2);
        Assert.Equal(3, GenotypeDerivation.SkipCount(Derive(weights)));

        var (cell, removed) = GenotypeDerivation.CapSkips(weights, null, 1, Derive, Ops);
        // Weakest skip 0.5 (node 0, input 1) -> max_pool 0.3; next 0.6 (node 1, input 0) -> dil_conv 0.2, which
        // still beats input 2's 0.1. The strongest skip (0.9) stays.
        Assert.Equal(2, removed);
        Assert.Equal([new GenotypeEdge(Operations.SkipConnect, 0), new GenotypeEdge(Operations.MaxPool3x3, 1)], cell[0]);
        Assert.Equal([new GenotypeEdge(Operations.AvgPool3x3, 1), new GenotypeEdge(Operations.DilConv3x3, 0)], cell[1]);
        var off = GenotypeDerivation.CapSkips(weights, null, null, Derive, Ops);
        Assert.Equal(0, off.Removed);
        Assert.Equal(3, GenotypeDerivation.SkipCount(off.Cell));
    }

    [Fact]
    public void Darts_plus_stops_a_search_whose_planted_architecture_holds_two_skips()
    {
        using var scope = NewDisposeScope();
        manual_seed(2);
        using var controller = new SearchController(TinySetups.Supernet());
        var alphaNormal = controller.Alphas().First();
        int skip = Ops.ToList().IndexOf(Operations.SkipConnect);
        using (no_grad()) alphaNormal[.., skip].fill_(-5.0); // no skip anywhere
        var before = controller.Derive();
        Assert.Equal(0, before.SkipsBefore);
        // Plant: skip_connect dominates every normal edge.
        using (no_grad()) alphaNormal[.., skip].fill_(5.0);
        var planted = controller.Derive();
        Assert.Equal(4, planted.SkipsBefore); // 2 nodes x 2 edges

        SearchEpochRecord Record(int epoch, DerivedGenotype d) =>
            new(epoch, 0.1, true, 1, 0.25, 1, 0.25, 1, 1, 0, d.SkipsBefore, [], [], [], d.Genotype, 0);
        var dartsPlus = new SearchSettings { MaxNormalSkips = 1 }; // DARTS+: stop at >= 2 skips
        var state = new SearchCheckpointHeader(0, false, null, null, before.Genotype, [], null);
        state = SearchRun.Advance(dartsPlus, state, Record(1, before), null!);
        Assert.False(state.StoppedEarly);
        state = SearchRun.Advance(dartsPlus, state, Record(2, planted), null!);
        Assert.True(state.StoppedEarly);
        Assert.Same(before.Genotype, state.AcceptedGenotype);
        Assert.Contains("4 skip connections (limit 1)", state.StopReason);

        // With the P-DARTS cap of 2 the derived normal cell keeps 2 skips; the DARTS+ signal still counts 4.
        using var capped = new SearchController(TinySetups.Supernet(), maxDerivedSkips: 2);
        using (no_grad()) capped.Alphas().First()[.., skip].fill_(5.0);
        var d = capped.Derive();
        Assert.Equal(2, GenotypeDerivation.SkipCount(d.Genotype.Normal));
        Assert.Equal(4, d.SkipsBefore);
    }
}
