using SerDarts.Networks;
using SerDarts.Tests.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace SerDarts.Tests.Networks;

public class OperationTests
{
    public static TheoryData<string, long> PrimitivesAndStrides()
    {
        var data = new TheoryData<string, long>();
        foreach (var p in SearchSpace.Darts.Operations)
            foreach (var s in new long[] { 1, 2 }) data.Add(p, s);
        return data;
    }

    [Theory]
    [MemberData(nameof(PrimitivesAndStrides))]
    public void Every_primitive_keeps_the_shape_at_stride_1_and_halves_it_at_stride_2(string primitive, long stride)
    {
        using var scope = NewDisposeScope();
        using var op = Operations.Create(primitive, 4, stride, affine: false);
        var y = op.call(randn(2, 4, 16, 12));
        Assert.Equal(new long[] { 2, 4, 16 / stride, 12 / stride }, y.shape);
    }

    [Theory]
    [InlineData(Operations.SepConv3x3, 5)] // two 3x3 convs: 5x5
    [InlineData(Operations.SepConv5x5, 9)] // two 5x5 convs: 9x9
    [InlineData(Operations.DilConv3x3, 5)] // 3x3 dilated by 2: 5x5
    [InlineData(Operations.DilConv5x5, 9)] // 5x5 dilated by 2: 9x9
    [InlineData(Operations.MaxPool3x3, 3)]
    [InlineData(Operations.AvgPool3x3, 3)]
    [InlineData(Operations.SkipConnect, 1)]
    public void Receptive_field_of_an_impulse_matches_the_operation_definition(string primitive, int expectedSide)
    {
        using var scope = NewDisposeScope();
        using var op = Operations.Create(primitive, 2, 1, affine: true);
        using (no_grad())
            foreach (var (name, p) in op.named_parameters())
                p.fill_(name.EndsWith("bias") ? 0.0f : 1.0f); // positive kernels, no offsets: no cancellation
        op.eval(); // fresh BN in eval mode is a positive scale, so zeros stay zeros
        var impulse = zeros(1, 2, 21, 21);
        impulse[0, .., 10, 10] = tensor(1.0f);
        var support = op.call(impulse)[0, 0].ne(0);
        Assert.Equal(expectedSide, Span(support.any(1)));
        Assert.Equal(expectedSide, Span(support.any(0)));
    }

    /// <summary>Extent from the first to the last nonzero entry (a dilated kernel's support has holes).</summary>
    private static int Span(Tensor mask)
    {
        var on = mask.data<bool>().ToArray();
        return Array.LastIndexOf(on, true) - Array.IndexOf(on, true) + 1;
    }

    [Fact]
    public void Sep_conv_3x3_has_the_hand_counted_parameters()
    {
        // Two (depthwise 4x1x3x3 + pointwise 4x4x1x1) blocks; affine BN adds weight and bias of 4 twice.
        using var searchOp = Operations.Create(Operations.SepConv3x3, 4, 1, affine: false);
        using var derivedOp = Operations.Create(Operations.SepConv3x3, 4, 1, affine: true);
        Assert.Equal(2 * (36 + 16), searchOp.parameters().Sum(p => p.numel()));
        Assert.Equal(2 * (36 + 16 + 8), derivedOp.parameters().Sum(p => p.numel()));
    }

    [Fact]
    public void Zero_is_all_zeros_of_the_output_shape()
    {
        using var scope = NewDisposeScope();
        var y = new Zero(2).call(randn(2, 3, 8, 8));
        Assert.Equal(new long[] { 2, 3, 4, 4 }, y.shape);
        Assert.Equal(0f, y.abs().sum().item<float>());
    }

    [Fact]
    public void Factorized_reduce_handles_odd_sizes()
    {
        using var scope = NewDisposeScope();
        using var op = new FactorizedReduce(3, 6, affine: false);
        Assert.Equal(new long[] { 2, 6, 8, 5 }, op.call(randn(2, 3, 15, 9)).shape);
    }

    [Fact]
    public void Mixed_op_with_one_hot_weights_is_that_operation()
    {
        using var scope = NewDisposeScope();
        using var mixed = new MixedOp(4, 1, SearchSpace.Darts.Operations);
        var x = randn(2, 4, 8, 8);
        var skipOnly = zeros(SearchSpace.Darts.Operations.Count);
        skipOnly[2] = tensor(1.0f); // skip_connect
        Assert.True(mixed.call(x, skipOnly).allclose(x));
        var noneOnly = zeros(SearchSpace.Darts.Operations.Count);
        noneOnly[7] = tensor(1.0f);
        Assert.Equal(0f, mixed.call(x, noneOnly).abs().sum().item<float>());
        var halfSkip = zeros(SearchSpace.Darts.Operations.Count);
        halfSkip[2] = tensor(0.5f);
        halfSkip[7] = tensor(0.5f);
        Assert.True(mixed.call(x, halfSkip).allclose(x.mul(0.5)));
    }

    [Fact]
    public void Channel_shuffle_interleaves_the_groups()
    {
        using var scope = NewDisposeScope();
        var x = arange(6, dtype: float32).reshape(1, 6, 1, 1);
        var shuffled = PartialChannelMixedOp.ChannelShuffle(x, 2).flatten().data<float>().ToArray();
        Assert.Equal(new float[] { 0, 3, 1, 4, 2, 5 }, shuffled);
        // NHWC-strided input: same values, and the layout is kept.
        var image = arange(6 * 4, dtype: float32).reshape(1, 6, 2, 2);
        var expected = PartialChannelMixedOp.ChannelShuffle(image, 3);
        var fromLast = PartialChannelMixedOp.ChannelShuffle(MemoryLayout.ToChannelsLast(image), 3);
        Assert.True(MemoryLayout.IsChannelsLast(fromLast));
        Assert.True(fromLast.eq(expected).all().item<bool>());
    }

    [Fact]
    public void Partial_channel_edge_processes_one_kth_and_passes_the_rest_through()
    {
        using var scope = NewDisposeScope();
        using var edge = new PartialChannelMixedOp(4, 1, 2, SearchSpace.Darts.Operations);
        var x = randn(2, 4, 6, 6);
        var noneOnly = zeros(SearchSpace.Darts.Operations.Count);
        noneOnly[7] = tensor(1.0f);
        var y = edge.call(x, noneOnly);
        // [processed 0, processed 1, bypass 2, bypass 3] shuffled in 2 groups: [p0, b2, p1, b3]
        Assert.Equal(0f, y[.., 0].abs().sum().item<float>());
        Assert.Equal(0f, y[.., 2].abs().sum().item<float>());
        Assert.True(y[.., 1].eq(x[.., 2]).all().item<bool>());
        Assert.True(y[.., 3].eq(x[.., 3]).all().item<bool>());
        using var reducing = new PartialChannelMixedOp(4, 2, 2, SearchSpace.Darts.Operations);
        Assert.Equal(new long[] { 2, 4, 3, 3 }, reducing.call(x, noneOnly).shape);
    }

    [Fact]
    public void Drop_path_is_identity_in_eval_and_drops_whole_samples_in_training()
    {
        using var scope = NewDisposeScope();
        using var drop = new DropPath { Probability = 0.5 };
        var x = ones(4000, 1, 2, 2);
        drop.eval();
        Assert.True(drop.call(x).eq(x).all().item<bool>());
        drop.train();
        manual_seed(1);
        var y = drop.call(x);
        var perSample = y.reshape(4000, 4);
        Assert.True(perSample.amax(1).eq(perSample.amin(1)).all().item<bool>()); // a sample is kept or dropped whole
        var kept = perSample[.., 0].ne(0).to(float32).mean().item<float>();
        Assert.InRange(kept, 0.45f, 0.55f);
        Assert.Equal(2f, y.max().item<float>()); // survivors rescaled by 1/keep
    }
}

[Collection(TorchSerialCollection.Name)]
public class ChannelsLastTests
{
    public static TheoryData<string, long> PrimitivesAndStrides() => OperationTests.PrimitivesAndStrides();

    /// <summary>
    /// Guards the NHWC path against libtorch kernels that disagree with NCHW: 2.10's channels-last backward of
    /// stride-1 dilated depthwise convolutions returned wrong (and run-to-run different) input gradients.
    /// </summary>
    [Theory]
    [MemberData(nameof(PrimitivesAndStrides))]
    public void Channels_last_outputs_and_gradients_match_nchw(string primitive, long stride)
    {
        if (primitive == Operations.None) return;
        int threads = get_num_threads();
        set_num_threads(2); // the broken kernel also raced between threads
        try
        {
            using var scope = NewDisposeScope();
            manual_seed(1);
            using var op = Operations.Create(primitive, 8, stride, affine: true);
            var x = randn(4, 8, 12, 12);
            var reference = Run(op, x);
            var nhwc = Run(op, MemoryLayout.ToChannelsLast(x));
            var again = Run(op, MemoryLayout.ToChannelsLast(x));
            for (int i = 0; i < reference.Length; i++)
            {
                Assert.True(nhwc[i].allclose(reference[i], rtol: 1e-4, atol: 1e-5), $"{primitive} stride {stride}: tensor {i} differs from NCHW");
                Assert.True(nhwc[i].eq(again[i]).all().item<bool>(), $"{primitive} stride {stride}: tensor {i} not reproducible");
            }
        }
        finally
        {
            set_num_threads(threads);
        }
    }

    /// <summary>Output, input gradient and parameter gradients for a fixed random upstream gradient.</summary>
    private static Tensor[] Run(nn.Module<Tensor, Tensor> op, Tensor input)
    {
        op.train();
        var x = input.detach().clone().requires_grad_(true); // clone keeps the layout
        var y = op.call(x);
        manual_seed(5);
        var upstream = randn(y.shape);
        Tensor[] inputs = [x, .. op.parameters()];
        var grads = autograd.grad([y.mul(upstream).sum()], inputs);
        return [y.contiguous(), .. grads.Select(g => g.contiguous())];
    }
}
