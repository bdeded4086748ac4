using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SerDarts.Search;

/// <summary>Loss and correct predictions of one weight update.</summary>
public readonly record struct StepResult(double Loss, long Correct, long Count);

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

    /// <param name="trainX">Weight-half batch inputs.</param>
    /// <param name="trainY">Weight-half batch labels.</param>
    /// <param name="validX">Architecture-half batch inputs.</param>
    /// <param name="validY">Architecture-half batch labels.</param>
    /// <param name="learningRate">Current weight learning rate (also xi of the unrolled step).</param>
    public StepResult Run(Tensor trainX, Tensor trainY, Tensor validX, Tensor validY, double learningRate)
    {
        UpdateArchitecture(trainX, trainY, validX, validY, learningRate);
        return UpdateWeights(trainX, trainY);
    }

    /// <summary>Adam step on the alphas. Its own dispose scope, so that this pass' activations are freed
    /// before the weight pass allocates its own.</summary>
    public void UpdateArchitecture(Tensor trainX, Tensor trainY, Tensor validX, Tensor validY, double learningRate)
    {
        using var scope = torch.NewDisposeScope();
        alphaOptimizer.zero_grad();
        if (order == SearchOrder.First) architect.FirstOrderBackward(validX, validY);
        else architect.UnrolledBackward(trainX, trainY, validX, validY, learningRate, weightOptimizer);
        alphaOptimizer.step();
    }

    /// <summary>SGD step on the network weights, gradient norm clipped.</summary>
    public StepResult UpdateWeights(Tensor trainX, Tensor trainY)
    {
        using var scope = torch.NewDisposeScope();
        weightOptimizer.zero_grad();
        var logits = controller.ForwardFixedArchitecture(trainX);
        var loss = controller.CrossEntropy(logits, trainY);
        loss.backward();
        if (gradientClip > 0) nn.utils.clip_grad_norm_(weights, gradientClip);
        weightOptimizer.step();
        long correct = logits.argmax(1).eq(trainY).sum().item<long>();
        return new StepResult(loss.ToDouble(), correct, trainY.shape[0]);
    }
}
