using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SerDarts.Search;

/// <summary>
/// The two optimisers of a bilevel search (SGD on the weights, Adam on the architecture) and the step that uses them,
/// built from the search settings in one place for the search driver and the benchmark alike.
/// </summary>
public sealed record SearchOptimizers(SGD Weights, Adam Alphas, SearchStep Step) : IDisposable
{
    public static SearchOptimizers For(SearchController controller, SearchSettings search)
    {
        var weights = optim.SGD(controller.Weights(), search.LearningRate, search.Momentum, weight_decay: search.WeightDecay);
        var alphas = optim.Adam(controller.Alphas(), search.ArchLearningRate, search.ArchBeta1, search.ArchBeta2,
            weight_decay: search.ArchWeightDecay);
        var architect = new Architect(controller, search.Momentum, search.WeightDecay);
        return new SearchOptimizers(weights, alphas,
            new SearchStep(controller, weights, alphas, architect, search.OrderKind, search.GradientClip));
    }

    public void Dispose()
    {
        Weights.Dispose();
        Alphas.Dispose();
    }
}
