using SerDarts.Features;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SerDarts.Search;

/// <summary>
/// One bilevel search step: the architecture update first (Adam on the architecture batch), then the weight
/// update (SGD on the weight batch, gradient norm clipped). The caller owns the dispose scope.
/// </summary>
public sealed class SearchStep
{
    private readonly SearchController controller;
    private readonly SGD weightOptimizer;
    private readonly Adam alphaOptimizer;
    private readonly Architect architect;
    private readonly SearchOrder order;
    private readonly double gradientClip;
    private readonly Parameter[] weights;

    public SearchStep(SearchController controller, SGD weightOptimizer, Adam alphaOptimizer, Architect architect,
        SearchOrder order, double gradientClip)
    {
        this.controller = controller;
        this.weightOptimizer = weightOptimizer;
        this.alphaOptimizer = alphaOptimizer;
        this.architect = architect;
        this.order = order;
        this.gradientClip = gradientClip;
        weights = controller.Weights().ToArray();
    }

    /// <param name="train">Weight-half batch.</param>
    /// <param name="valid">Architecture-half batch.</param>
    /// <param name="learningRate">Current weight learning rate (also xi of the unrolled step).</param>
    /// <param name="updateArchitecture">False during warm-up epochs: only the weights learn.</param>
    public StepResult Run(MiniBatch train, MiniBatch valid, double learningRate, bool updateArchitecture = true)
    {
        if (updateArchitecture) UpdateArchitecture(train, valid, learningRate);
        return UpdateWeights(train);
    }

    /// <summary>Adam step on the alphas. Its own dispose scope, so that this pass' activations are freed
    /// before the weight pass allocates its own.</summary>
    public void UpdateArchitecture(MiniBatch train, MiniBatch valid, double learningRate)
    {
        using var scope = torch.NewDisposeScope();
        alphaOptimizer.zero_grad();
        if (order == SearchOrder.First) architect.FirstOrderBackward(valid);
        else architect.UnrolledBackward(train, valid, learningRate, weightOptimizer);
        alphaOptimizer.step();
    }

    /// <summary>SGD step on the network weights, gradient norm clipped.</summary>
    public StepResult UpdateWeights(MiniBatch train)
    {
        using var scope = torch.NewDisposeScope();
        weightOptimizer.zero_grad();
        var logits = controller.ForwardFixedArchitecture(train);
        var loss = controller.CrossEntropy(logits, train.Y);
        loss.backward();
        if (gradientClip > 0) nn.utils.clip_grad_norm_(weights, gradientClip);
        weightOptimizer.step();
        var truth = train.Y.cpu().data<long>().Select(v => (int)v).ToArray();
        var predicted = logits.argmax(1).cpu().data<long>().Select(v => (int)v).ToArray();
        return new StepResult(loss.ToDouble(), truth, predicted);
    }
}
