using SerDarts.Search;
using SerDarts.Networks;
using TorchSharp;
using static TorchSharp.torch;

namespace SerDarts.Tests.Search;

public class GenotypeTests
{
    private static readonly IReadOnlyList<string> Ops = SearchSpace.Darts.Operations;

    /// <summary>A weight row: the named operations get the given weights, the rest share what is left.</summary>
    private static double[] Row(params (string Op, double Weight)[] set)
    {
        var row = new double[Ops.Count];
        double rest = (1 - set.Sum(s => s.Weight)) / (Ops.Count - set.Length);
        for (int k = 0; k < Ops.Count; k++) row[k] = rest;
        foreach (var (op, w) in set) row[Ops.ToList().IndexOf(op)] = w;
        return row;
    }

    [Fact]
    public void Each_node_keeps_its_two_strongest_edges_by_best_operation_other_than_none()
    {
        // Two nodes: node 0 has edges from states 0, 1; node 1 from states 0, 1, 2 (rows 2..4).
        double[][] normal =
        [
            Row((Operations.None, 0.60), (Operations.SepConv3x3, 0.20)),  // none ignored: strength 0.20
            Row((Operations.SkipConnect, 0.30)),                          // strength 0.30
            Row((Operations.DilConv5x5, 0.25)),                           // node 1, input 0: 0.25
            Row((Operations.None, 0.90), (Operations.MaxPool3x3, 0.04)),  // input 1: 0.04 (rest 0.012)
            Row((Operations.AvgPool3x3, 0.40)),                           // input 2: 0.40
        ];
        double[][] reduce = [.. Enumerable.Range(0, 5).Select(_ => Row((Operations.SepConv5x5, 0.5)))];
        var g = GenotypeDerivation.Derive(normal, reduce, Ops, nodes: 2);

        // Expected by hand: node 0 -> skip from 1 (0.30) then sep_conv_3x3 from 0 (0.20);
        // node 1 -> avg_pool from 2 (0.40) then dil_conv_5x5 from 0 (0.25).
        Assert.Equal([new GenotypeEdge(Operations.SkipConnect, 1), new GenotypeEdge(Operations.SepConv3x3, 0)], g.Normal[0]);
        Assert.Equal([new GenotypeEdge(Operations.AvgPool3x3, 2), new GenotypeEdge(Operations.DilConv5x5, 0)], g.Normal[1]);
        // Equal strengths everywhere in the reduction cell: ties go to the lower input.
        Assert.Equal([new GenotypeEdge(Operations.SepConv5x5, 0), new GenotypeEdge(Operations.SepConv5x5, 1)], g.Reduce[1]);
        Assert.Equal([2, 3], g.NormalConcat);
        Assert.Equal(1, GenotypeDerivation.SkipCount(g.Normal));
    }

    [Fact]
    public void Partial_channel_edge_weights_scale_the_edge_strength()
    {
        double[][] weights =
        [
            Row((Operations.SepConv3x3, 0.5)), Row((Operations.SepConv3x3, 0.4)),
            Row((Operations.SepConv3x3, 0.3)), Row((Operations.SepConv3x3, 0.2)), Row((Operations.SepConv3x3, 0.1)),
        ];
        var plain = GenotypeDerivation.Cell(weights, null, Ops, 2);
        Assert.Equal([0, 1], plain[1].Select(e => e.Input)); // 0.3, 0.2 beat 0.1
        // Node 1's edge weights favour input 2: 0.1 x 0.8 = 0.08 > 0.3 x 0.1 = 0.03 > 0.2 x 0.1 = 0.02.
        var edgeWeights = new[] { 0.5, 0.5, 0.1, 0.1, 0.8 };
        var weighted = GenotypeDerivation.Cell(weights, edgeWeights, Ops, 2);
        Assert.Equal([2, 0], weighted[1].Select(e => e.Input));
    }

    [Fact]
    public void Controller_genotype_follows_its_alphas()
    {
        using var scope = NewDisposeScope();
        using var controller = new SearchController(Training.TinySetups.Supernet());
        var alphas = controller.Alphas().ToArray();
        using (no_grad())
        {
            alphas[0].zero_();
            alphas[0][0, 3] = tensor(5.0f); // node 0, input 0: sep_conv_3x3
            alphas[0][1, 7] = tensor(9.0f); // node 0, input 1: none (ignored) ...
            alphas[0][1, 0] = tensor(4.0f); //   ... with max_pool as its best real operation
            alphas[0][4, 2] = tensor(6.0f); // node 1, input 2: skip_connect
            alphas[0][2, 6] = tensor(3.0f); // node 1, input 0: dil_conv_5x5
        }
        var g = controller.Genotype();
        Assert.Equal([new GenotypeEdge(Operations.SepConv3x3, 0), new GenotypeEdge(Operations.MaxPool3x3, 1)], g.Normal[0]);
        Assert.Equal([new GenotypeEdge(Operations.SkipConnect, 2), new GenotypeEdge(Operations.DilConv5x5, 0)], g.Normal[1]);
    }

    [Fact]
    public void Readable_string_uses_the_darts_notation()
    {
        var g = Training.TinySetups.Genotype;
        Assert.Equal(
            "Genotype(normal=[[('sep_conv_3x3', 0), ('skip_connect', 1)], [('dil_conv_3x3', 2), ('max_pool_3x3', 0)]], " +
            "normal_concat=range(2, 4), reduce=[[('avg_pool_3x3', 0), ('skip_connect', 1)], [('sep_conv_5x5', 2), " +
            "('dil_conv_5x5', 1)]], reduce_concat=range(2, 4))",
            GenotypeFormat.ToReadableString(g));
    }

    [Fact]
    public void Json_round_trips_and_uses_plain_field_names()
    {
        var g = Training.TinySetups.Genotype;
        var json = GenotypeFormat.ToJson(g);
        Assert.Contains("\"operation\": \"sep_conv_3x3\"", json);
        Assert.Contains("\"normalConcat\"", json);
        var back = GenotypeFormat.FromJson(json);
        Assert.Equal(GenotypeFormat.ToReadableString(g), GenotypeFormat.ToReadableString(back));
    }

    [Theory]
    [InlineData("{\"normal\": [[{\"operation\": \"conv_9x9\", \"input\": 0}]], \"normalConcat\": [2], \"reduce\": [[{\"operation\": \"skip_connect\", \"input\": 0}]], \"reduceConcat\": [2]}", "unknown or 'none' operation 'conv_9x9'")]
    [InlineData("{\"normal\": [[{\"operation\": \"skip_connect\", \"input\": 2}]], \"normalConcat\": [2], \"reduce\": [[{\"operation\": \"skip_connect\", \"input\": 0}]], \"reduceConcat\": [2]}", "reads state 2")]
    [InlineData("{\"normal\": [[{\"operation\": \"none\", \"input\": 0}]], \"normalConcat\": [2], \"reduce\": [[{\"operation\": \"skip_connect\", \"input\": 0}]], \"reduceConcat\": [2]}", "'none'")]
    [InlineData("__import__('os').system('true')", "not a genotype JSON document")]
    public void Invalid_genotype_json_is_rejected_with_the_file_and_reason(string json, string reason)
    {
        var e = Assert.Throws<InvalidDataException>(() => GenotypeFormat.FromJson(json, "/runs/x/genotype.json"));
        Assert.Contains("/runs/x/genotype.json", e.Message);
        Assert.Contains(reason, e.Message);
    }
}
