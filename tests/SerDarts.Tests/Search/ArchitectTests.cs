using SerDarts.Features;
using SerDarts.Networks;
using SerDarts.Search;
using SerDarts.Tests.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SerDarts.Tests.Search;

[Collection(TorchSerialCollection.Name)]
public class ArchitectTests
{
    private sealed record Setup(SearchController Controller, Architect Architect, MiniBatch Train, MiniBatch Valid) : IDisposable
    {
        public void Dispose() => Controller.Dispose();
    }

    private static Setup Create(ScalarType dtype, int partialChannels = 1, double epsilonScale = 0.01)
    {
        manual_seed(3);
        // NCHW: the exact product needs double backward, which the NHWC dilated-conv workaround does not offer.
        var controller = new SearchController(TinySetups.Supernet(partialChannels) with { ChannelsLast = false });
        controller.to(dtype);
        var architect = new Architect(controller, 0.9, 3e-4, epsilonScale);
        var trainX = randn(4, 1, 16, 16, dtype: dtype);
        var validX = randn(4, 1, 16, 16, dtype: dtype);
        return new Setup(controller, architect, TinySetups.Batch(trainX, tensor(new long[] { 0, 1, 2, 3 })),
            TinySetups.Batch(validX, tensor(new long[] { 3, 2, 1, 0 })));
    }

    private static double RelativeError(IList<Tensor> approx, IList<Tensor> exact)
    {
        var a = cat(approx.Select(t => t.flatten()).ToArray());
        var e = cat(exact.Select(t => t.flatten()).ToArray());
        return a.sub(e).norm().item<double>() / e.norm().item<double>();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Finite_difference_hessian_vector_product_matches_double_backward(int partialChannels)
    {
        using var scope = NewDisposeScope();
        // DARTS' eps = 0.01/|dw| steps across ReLU and max-pool kinks of so small a network and batch (the
        // difference then measures a secant, several times the local product); a small eps in float64
        // isolates what is tested here: the central difference and its division by 2 eps.
        using var s = Create(ScalarType.Float64, partialChannels, epsilonScale: 1e-5);
        s.Controller.train();
        // The direction of the unrolled step: dL_val/dw.
        var weights = s.Controller.Weights().ToArray<Tensor>();
        var dw = autograd.grad([s.Controller.Loss(s.Valid)], weights).ToArray();

        var exact = s.Architect.ExactHessianVectorProduct(dw, s.Train);
        var finite = s.Architect.FiniteDifferenceHessian(dw, s.Train);

        Assert.True(cat(exact.Select(t => t.flatten()).ToArray()).norm().item<double>() > 1e-8, "the product must not vanish");
        double error = RelativeError(finite, exact);
        Assert.True(error <= 1e-2, $"relative error {error:E3}");
    }

    [Fact]
    public void Finite_difference_restores_the_weights_exactly()
    {
        using var scope = NewDisposeScope();
        using var s = Create(ScalarType.Float32);
        var weights = s.Controller.Weights().ToArray<Tensor>();
        var before = weights.Select(w => w.detach().clone()).ToArray();
        var dw = weights.Select(w => randn_like(w)).ToArray();
        s.Architect.FiniteDifferenceHessian(dw, s.Train);
        Assert.All(weights.Zip(before), p => Assert.True(p.First.eq(p.Second).all().item<bool>()));
    }

    [Fact]
    public void Second_order_with_zero_step_equals_first_order()
    {
        using var scope = NewDisposeScope();
        using var s = Create(ScalarType.Float64);
        using var sgd = optim.SGD(s.Controller.Weights(), 0.1, 0.9, weight_decay: 3e-4);
        var alphas = s.Controller.Alphas().ToArray();

        s.Architect.FirstOrderBackward(s.Valid);
        var first = alphas.Select(a => a.grad!.clone()).ToArray();
        s.Architect.UnrolledBackward(s.Train, s.Valid, 0.0, sgd);
        var second = alphas.Select(a => a.grad!.clone()).ToArray();

        Assert.True(RelativeError(second, first) < 1e-9);
        Assert.True(first[0].abs().sum().item<double>() > 0);
    }

    [Fact]
    public void Virtual_step_applies_the_sgd_momentum_and_weight_decay()
    {
        using var scope = NewDisposeScope();
        using var s = Create(ScalarType.Float64);
        const double xi = 0.05, momentum = 0.9, wd = 3e-4;
        using var sgd = optim.SGD(s.Controller.Weights(), xi, momentum, weight_decay: wd);
        var weights = s.Controller.Weights().ToArray();
        // One real SGD step, so that the momentum buffers are non-zero.
        sgd.zero_grad();
        s.Controller.Loss(s.Train).backward();
        sgd.step();
        var buffers = sgd.state_dict().State.Select(st => ((SGD.State)st).momentum_buffer.clone()).ToArray();

        s.Architect.VirtualStep(s.Train, xi, sgd);
        var grads = autograd.grad([s.Controller.Loss(s.Train)], weights.ToArray<Tensor>());
        var expected = weights.Select((w, i) => w.detach() - xi * (momentum * buffers[i] + grads[i] + wd * w.detach())).ToArray();

        // The virtual weights are visible through the virtual network's loss: compare parameters directly.
        var field = typeof(Architect).GetField("virtualNetwork", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!;
        var virtualWeights = ((SearchNetwork)field.GetValue(s.Architect)!).parameters().ToArray();
        Assert.Equal(expected.Length, virtualWeights.Length);
        Assert.True(RelativeError(virtualWeights, expected) < 1e-12);
    }
}
