using SerDarts.Features;
using SerDarts.Networks;
using SerDarts.Search;
using SerDarts.Tests.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace SerDarts.Tests.Search;

[Collection(TorchSerialCollection.Name)]
public class SearchStepTests
{
    [Theory]
    [InlineData(SearchOrder.First, 1)]
    [InlineData(SearchOrder.Second, 1)]
    [InlineData(SearchOrder.First, 2)]
    public void Search_steps_update_both_levels_and_leave_no_tensor_behind(SearchOrder order, int partialChannels)
    {
        manual_seed(4);
        using var controller = new SearchController(TinySetups.Supernet(partialChannels));
        using var sgd = optim.SGD(controller.Weights(), 0.025, 0.9, weight_decay: 3e-4);
        using var adam = optim.Adam(controller.Alphas(), 3e-3, 0.5, 0.999, weight_decay: 1e-3);
        var step = new SearchStep(controller, sgd, adam, new Architect(controller, 0.9, 3e-4), order, 5);
        using var x = randn(4, 1, 16, 16);
        using var y = tensor(new long[] { 0, 1, 2, 3 });
        var alphaBefore = controller.Alphas().First().detach().clone();
        var weightBefore = controller.Weights().First().detach().clone();

        var live = new List<long>();
        for (int i = 0; i < 4; i++)
        {
            using (NewDisposeScope()) step.Run(TinySetups.Batch(x, y), TinySetups.Batch(x, y), 0.025);
            live.Add(DisposeScopeManager.Statistics.ThreadTotalLiveCount);
        }

        // The first step creates the optimiser state (momentum, Adam moments); after that nothing accumulates.
        Assert.Equal(live[1], live[2]);
        Assert.Equal(live[1], live[3]);
        Assert.False(controller.Alphas().First().allclose(alphaBefore));
        Assert.False(controller.Weights().First().allclose(weightBefore));
        alphaBefore.Dispose();
        weightBefore.Dispose();
    }
}
