using SerDarts.Models;
using SerDarts.Search.Operations;
using SerDarts.Tests.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace SerDarts.Tests.Models;

[Collection(TorchSerialCollection.Name)]
public class ModelTests
{
    [Fact]
    public void Lstm_head_max_pools_frequency_and_reads_time_as_a_sequence()
    {
        using var scope = NewDisposeScope();
        manual_seed(1);
        using var head = new LstmHead(3, new HeadSpec(5, 2, [4], 0, false), 4);
        head.eval();
        var features = randn(2, 3, 6, 7); // [N, C, F, T]
        var logits = head.call(features);
        Assert.Equal(new long[] { 2, 4 }, logits.shape);
        // Reordering frequency rows leaves the max over frequency, hence the logits, unchanged ...
        var frequencyShuffled = features.index_select(2, tensor(new long[] { 5, 3, 1, 0, 2, 4 }));
        Assert.True(head.call(frequencyShuffled).allclose(logits, rtol: 1e-5, atol: 1e-6));
        // ... while reversing time changes what the LSTM sees.
        var timeReversed = features.flip(3);
        Assert.False(head.call(timeReversed).allclose(logits, rtol: 1e-3, atol: 1e-4));
        // The last frame matters: the summary is the LSTM output after the final step.
        var lastFrameChanged = features.clone();
        lastFrameChanged[.., .., .., 6] = lastFrameChanged[.., .., .., 6].add(1.0);
        Assert.False(head.call(lastFrameChanged).allclose(logits, rtol: 1e-3, atol: 1e-4));
    }

    [Fact]
    public void Attention_pooling_weights_sum_to_one_over_time()
    {
        using var scope = NewDisposeScope();
        using var pooling = new AttentionPooling(4);
        var constant = ones(2, 5, 4).mul(3.0); // identical frames: any convex combination returns the frame
        Assert.True(pooling.call(constant).allclose(ones(2, 4).mul(3.0), rtol: 1e-5, atol: 1e-5));
    }

    [Theory]
    [InlineData(ModelKind.Darts, 1)]
    [InlineData(ModelKind.Darts, 3)]
    [InlineData(ModelKind.Cnn, 1)]
    [InlineData(ModelKind.CnnLstm, 2)]
    public void Every_model_maps_a_batch_to_four_logits(ModelKind kind, int lstmLayers)
    {
        using var scope = NewDisposeScope();
        manual_seed(2);
        var spec = new ModelSpec(kind, kind == ModelKind.Darts ? TinySetups.Genotype : null, lstmLayers);
        using var model = ModelFactory.Create(spec, TinySetups.Train, 4);
        model.train();
        var (logits, aux) = model.ForwardTraining(randn(3, 1, 16, 20));
        Assert.Equal(new long[] { 3, 4 }, logits.shape);
        if (kind == ModelKind.Darts) Assert.Equal(new long[] { 3, 4 }, aux!.shape); // auxiliary head on in the tiny config
        else Assert.Null(aux);
        model.eval();
        Assert.Equal(new long[] { 3, 4 }, model.call(randn(3, 1, 16, 20)).shape);
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
        var withAux = ModelFactory.Create(ModelSpec.Darts(TinySetups.Genotype), TinySetups.Train, 4);
        var withoutAux = ModelFactory.Create(ModelSpec.Darts(TinySetups.Genotype), TinySetups.Train with { AuxiliaryHead = false }, 4);
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
        using var model = ModelFactory.Create(ModelSpec.Darts(TinySetups.Genotype), TinySetups.Train with { AuxiliaryHead = false }, 4);
        var x = randn(4, 1, 16, 16);
        model.eval();
        model.SetDropPathProbability(0.9);
        var a = model.call(x);
        Assert.True(model.call(x).allclose(a)); // eval: deterministic, no drop path
        model.train();
        model.SetDropPathProbability(0.0);
        manual_seed(5);
        var plain = model.call(x);
        model.SetDropPathProbability(0.9);
        manual_seed(5);
        Assert.False(model.call(x).allclose(plain));
    }

    [Fact]
    public void Model_spec_names_and_parsing()
    {
        Assert.Equal(ModelKind.CnnLstm, ModelSpec.ParseKind("cnn-lstm"));
        Assert.Equal(ModelKind.Cnn, ModelSpec.ParseKind("CNN"));
        Assert.Throws<ArgumentException>(() => ModelSpec.ParseKind("transformer"));
        Assert.Equal("darts-lstm2", ModelSpec.Darts(TinySetups.Genotype, 2).Name);
        var e = Assert.Throws<ArgumentException>(() => new ModelSpec(ModelKind.Darts).Validate());
        Assert.Contains("genotype", e.Message);
        Assert.Throws<ArgumentException>(() => new ModelSpec(ModelKind.CnnLstm, null, 4).Validate());
    }

    [Fact]
    public void Input_scaler_standardises_with_training_statistics()
    {
        using var scope = NewDisposeScope();
        using var scaler = new InputScaler();
        var data = tensor(new float[] { 1, 3, 5, 7 }).reshape(4, 1, 1, 1); // mean 4, sample std sqrt(20/3)
        scaler.Fit(data);
        var y = scaler.call(data).flatten().data<float>().ToArray();
        double s = Math.Sqrt(20.0 / 3);
        Assert.Equal(new[] { -3 / s, -1 / s, 1 / s, 3 / s }, y.Select(v => (double)v), new ToleranceComparer(1e-6));
        Assert.Equal(2, scaler.state_dict().Count); // persisted with the model
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double a, double b) => Math.Abs(a - b) <= tolerance;
        public int GetHashCode(double v) => 0;
    }
}
