using SerDarts.Features;
using SerDarts.Networks;
using SerDarts.Runtime;
using SerDarts.Search;
using SerDarts.Tests.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace SerDarts.Tests.Networks;

[Collection(TorchSerialCollection.Name)]
public class RecomputedEdgeTests
{
    /// <summary>Loss, gradients (alphas then weights) and BN running statistics after one backward.</summary>
    private static (double Loss, Tensor[] Grads, Tensor[] Buffers) Pass(string memory, int partialChannels)
    {
        manual_seed(8); // same initial weights for both variants
        var controller = new SearchController(TinySetups.Supernet(partialChannels).WithMemory(memory));
        controller.train();
        var x = randn(4, 1, 16, 16);
        var y = tensor(new long[] { 0, 1, 2, 3 });
        var loss = controller.Loss(TinySetups.Batch(x, y));
        Tensor[] inputs = [.. controller.Alphas(), .. controller.Weights()];
        var grads = autograd.grad([loss], inputs, allow_unused: true).Select((g, i) => g ?? zeros_like(inputs[i])).ToArray();
        var buffers = controller.Network.named_buffers().Select(b => b.Item2.clone()).ToArray();
        return (loss.item<float>(), grads, buffers);
    }

    [Theory]
    [InlineData(1, ExecutionSettings.Low)]
    [InlineData(2, ExecutionSettings.Low)]
    [InlineData(1, ExecutionSettings.Balanced)]
    [InlineData(2, ExecutionSettings.Balanced)]
    public void Recomputed_edges_give_the_same_loss_gradients_and_statistics(int partialChannels, string memory)
    {
        using var scope = NewDisposeScope();
        var plain = Pass(ExecutionSettings.Fast, partialChannels);
        var recomputed = Pass(memory, partialChannels);
        Assert.Equal(plain.Loss, recomputed.Loss, 6);
        Assert.Equal(plain.Grads.Length, recomputed.Grads.Length);
        for (int i = 0; i < plain.Grads.Length; i++)
            Assert.True(plain.Grads[i].allclose(recomputed.Grads[i], rtol: 1e-4, atol: 1e-6), $"gradient {i} differs");
        Assert.True(plain.Grads[0].abs().sum().item<float>() > 0);
        for (int i = 0; i < plain.Buffers.Length; i++)
            Assert.True(plain.Buffers[i].allclose(recomputed.Buffers[i], rtol: 1e-5, atol: 1e-7), $"buffer {i} differs");
    }

    [Fact]
    public void Memory_modes_choose_the_cells_that_recompute()
    {
        var spec = TinySetups.Supernet() with { Cells = 6 }; // reductions at cells 2 and 4
        Assert.Equal([false, false, false, false, false, false], Enumerable.Range(0, 6).Select(spec.WithMemory(ExecutionSettings.Fast).Recomputes));
        // balanced: every cell through the second reduction (cell 4); only cell 5, at the lowest resolution, keeps its activations
        Assert.Equal([true, true, true, true, true, false], Enumerable.Range(0, 6).Select(spec.WithMemory(ExecutionSettings.Balanced).Recomputes));
        Assert.Equal([true, true, true, true, true, true], Enumerable.Range(0, 6).Select(spec.WithMemory(ExecutionSettings.Low).Recomputes));
        Assert.Contains("execution.memory 'medium' is not fast, balanced or low", new ExecutionSettings(Memory: "medium").Errors());
        Assert.Equal(ExecutionSettings.Low, new ExecutionSettings(LowMemory: true).MemoryMode);
    }

    [Fact]
    public void Search_steps_with_recomputed_edges_leave_no_tensor_behind()
    {
        manual_seed(4);
        using var controller = new SearchController(TinySetups.Supernet() with { RecomputeEdges = true });
        using var sgd = optim.SGD(controller.Weights(), 0.025, 0.9, weight_decay: 3e-4);
        using var adam = optim.Adam(controller.Alphas(), 3e-3, 0.5, 0.999, weight_decay: 1e-3);
        var step = new SearchStep(controller, sgd, adam, new Architect(controller, 0.9, 3e-4), SearchOrder.Second, 5);
        using var x = randn(4, 1, 16, 16);
        using var y = tensor(new long[] { 0, 1, 2, 3 });
        var live = new List<long>();
        for (int i = 0; i < 4; i++)
        {
            using (NewDisposeScope()) step.Run(TinySetups.Batch(x, y), TinySetups.Batch(x, y), 0.025);
            live.Add(DisposeScopeManager.Statistics.ThreadTotalLiveCount);
        }
        Assert.Equal(live[1], live[3]);
    }
}
