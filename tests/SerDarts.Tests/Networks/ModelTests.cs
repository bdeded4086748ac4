using SerDarts.Networks;
using SerDarts.Tests.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace SerDarts.Tests.Networks;

[Collection(TorchSerialCollection.Name)]
public class ModelTests
{
    [Fact]
    public void Lstm_head_max_pools_frequency_and_reads_time_as_a_sequence()
    {
        using var scope = NewDisposeScope();
        manual_seed(1);
        using var head = new LstmHead(3, new HeadSpec { LstmUnits = 5, LstmLayers = 2, DenseUnits = [4], Dropout = 0 }, 4);
        head.eval();
        var features = randn(2, 3, 6, 7); // [N, C, F, T]
        var whole = ones(2);
        var logits = head.call(features, whole);
        Assert.Equal(new long[] { 2, 4 }, logits.shape);
        // Reordering frequency rows leaves the max over frequency, hence the logits, unchanged ...
        var frequencyShuffled = features.index_select(2, tensor(new long[] { 5, 3, 1, 0, 2, 4 }));
        Assert.True(head.call(frequencyShuffled, whole).allclose(logits, rtol: 1e-5, atol: 1e-6));
        // ... while reversing time changes what the LSTM sees.
        var timeReversed = features.flip(3);
        Assert.False(head.call(timeReversed, whole).allclose(logits, rtol: 1e-3, atol: 1e-4));
        // The last frame matters: the summary is the LSTM output after the final step.
        var lastFrameChanged = features.clone();
        lastFrameChanged[.., .., .., 6] = lastFrameChanged[.., .., .., 6].add(1.0);
        Assert.False(head.call(lastFrameChanged, whole).allclose(logits, rtol: 1e-3, atol: 1e-4));
    }

    /// <summary>
    /// A clip shorter than the window is zero-padded at the end; the head must summarise only its valid steps.
    /// Reference: the same head on the clip cut to its valid frames (no padding at all). Padding filled with
    /// anything must give exactly that.
    /// </summary>
    [Theory]
    [InlineData(HeadPooling.Last)]
    [InlineData(HeadPooling.Mean)]
    [InlineData(HeadPooling.Attention)]
    public void The_head_never_reads_padding_as_speech(string pooling)
    {
        using var scope = NewDisposeScope();
        manual_seed(4);
        using var head = new LstmHead(3, new HeadSpec { LstmUnits = 6, DenseUnits = [5], Dropout = 0, Pooling = pooling }, 4);
        head.eval();
        var clip = randn(1, 3, 4, 5);                                 // 5 valid steps
        var reference = head.call(clip, ones(1));                     // no padding
        foreach (var fill in new[] { 0.0, 7.0 })
        {
            var padded = cat([clip, full(1, 3, 4, 3, fill)], 3);      // 8 steps, the last 3 padding
            var read = head.call(padded, tensor(new float[] { 5f / 8 }));
            Assert.True(read.allclose(reference, rtol: 1e-5, atol: 1e-6), $"{pooling}, padding {fill}");
        }
        // Reading the padded steps as speech (the old behaviour) would differ from the reference.
        var unmasked = head.call(cat([clip, full(1, 3, 4, 3, 7.0)], 3), ones(1));
        Assert.False(unmasked.allclose(reference, rtol: 1e-3, atol: 1e-4));
    }

    [Fact]
    public void Attention_pooling_weights_sum_to_one_over_the_valid_steps()
    {
        using var scope = NewDisposeScope();
        using var pooling = new AttentionPooling(4);
        var constant = ones(2, 5, 4).mul(3.0); // identical frames: any convex combination returns the frame
        Assert.True(pooling.call(constant, ones(2, 5, 1)).allclose(ones(2, 4).mul(3.0), rtol: 1e-5, atol: 1e-5));
        var mask = tensor(new float[] { 1, 1, 0, 0, 0 }).reshape(1, 5, 1);
        var sequence = arange(5, dtype: ScalarType.Float32).reshape(1, 5, 1).expand(1, 5, 4);
        var summary = pooling.call(sequence, mask); // masked steps hold 2, 3, 4: only 0 and 1 may contribute
        Assert.True(summary.max().item<float>() <= 1.0f + 1e-6f);
    }

    [Theory]
    [InlineData(NetworkKinds.Darts, 1)]
    [InlineData(NetworkKinds.Random, 3)]
    [InlineData(NetworkKinds.Cnn, 1)]
    [InlineData(NetworkKinds.CnnLstm, 2)]
    public void Every_network_maps_a_batch_to_four_logits(string kind, int lstmLayers)
    {
        using var scope = NewDisposeScope();
        manual_seed(2);
        var spec = TinySetups.Network with { Kind = kind, Head = TinySetups.Network.Head with { LstmLayers = lstmLayers } };
        using var model = NetworkFactory.Create(spec, NetworkKinds.UsesCells(kind) ? TinySetups.Genotype : null, 4);
        model.train();
        var frames = tensor(new long[] { 20, 12, 5 });
        var (logits, aux) = model.ForwardTraining(randn(3, 1, 16, 20), frames);
        Assert.Equal(new long[] { 3, 4 }, logits.shape);
        if (NetworkKinds.UsesCells(kind)) Assert.Equal(new long[] { 3, 4 }, aux!.shape); // auxiliary head on in the tiny config
        else Assert.Null(aux);
        model.eval();
        Assert.Equal(new long[] { 3, 4 }, model.call(randn(3, 1, 16, 20), frames).shape);
        Assert.True(model.ParameterCount() > 0);
    }

    [Fact]
    public void Cnn_baseline_has_the_hand_counted_parameters()
    {
        // conv 1->2 (18) + BN (4) + conv 2->3 (54) + BN (6) + linear 3->5 (20) + linear 5->4 (24)
        using var model = new CnnBaseline([2, 3], [5], 0.1, 4);
        Assert.Equal(18 + 4 + 54 + 6 + 20 + 24, model.ParameterCount());
    }

    [Fact]
    public void Derived_network_excludes_the_auxiliary_head_from_its_size()
    {
        var withAux = NetworkFactory.Create(TinySetups.Network, TinySetups.Genotype, 4);
        var withoutAux = NetworkFactory.Create(TinySetups.Network with { Auxiliary = false }, TinySetups.Genotype, 4);
        Assert.Equal(withoutAux.ParameterCount(), withAux.ParameterCount());
        Assert.True(withAux.parameters().Sum(p => p.numel()) > withAux.ParameterCount());
        withAux.Dispose();
        withoutAux.Dispose();
    }

    [Fact]
    public void Derived_network_uses_drop_path_only_in_training()
    {
        using var scope = NewDisposeScope();
        manual_seed(3);
        using var model = NetworkFactory.Create(TinySetups.Network with { Auxiliary = false }, TinySetups.Genotype, 4);
        var x = randn(4, 1, 16, 16);
        var frames = full(4, 16L, dtype: ScalarType.Int64);
        model.eval();
        model.SetDropPathProbability(0.9);
        var a = model.call(x, frames);
        Assert.True(model.call(x, frames).allclose(a)); // eval: deterministic, no drop path
        model.train();
        model.SetDropPathProbability(0.0);
        manual_seed(5);
        var plain = model.call(x, frames);
        model.SetDropPathProbability(0.9);
        manual_seed(5);
        Assert.False(model.call(x, frames).allclose(plain));
    }

    [Fact]
    public void A_cell_network_needs_its_genotype_and_kinds_have_names()
    {
        var e = Assert.Throws<ArgumentException>(() => NetworkFactory.Create(TinySetups.Network, null, 4));
        Assert.Contains("genotype", e.Message);
        Assert.Equal("Random-cell CNN-LSTM", NetworkKinds.DisplayName(NetworkKinds.Random));
        Assert.Contains("network.kind 'transformer'", Assert.Throws<ArgumentException>(() =>
            (TinySetups.Network with { Kind = "transformer" }).Validate()).Message);
    }
}
