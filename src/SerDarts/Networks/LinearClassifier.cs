using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SerDarts.Networks;

/// <summary>
/// The classical baseline: utterance-level functionals of the (already standardised) input frames
/// (<see cref="UtteranceFunctionals"/>), standardised again with the training fold's statistics of each functional
/// (buffers, so a checkpoint carries them), then one linear layer: a multinomial logistic regression. Float64
/// inside, so that a full-batch L-BFGS fit converges to the regularised optimum; the logits leave as float32 like
/// every other model's. Fitted by <c>Training.LinearFit</c>, not by SGD epochs.
/// </summary>
public sealed class LinearClassifier : ClassifierModel
{
    /// <summary>Floor of a functional's training-fold std (a constant functional then stays 0, not NaN).</summary>
    public const double MinStd = 1e-5;

    private readonly Tensor center;
    private readonly Tensor scale;
    private readonly Linear output;

    /// <param name="spec">Functionals and fit settings.</param>
    /// <param name="inputRows">Rows (channels x frequency rows) of the inputs it will read.</param>
    /// <param name="classes">Output classes.</param>
    public LinearClassifier(LinearSpec spec, long inputRows, int classes) : base(nameof(LinearClassifier))
    {
        if (inputRows < 1) throw new ArgumentException($"a linear model needs the input's row count, got {inputRows}");
        Spec = spec;
        Inputs = UtteranceFunctionals.Count(spec.Functionals, inputRows);
        center = torch.zeros(Inputs, ScalarType.Float64);
        scale = torch.ones(Inputs, ScalarType.Float64);
        output = nn.Linear(Inputs, classes, dtype: ScalarType.Float64);
        RegisterComponents();
    }

    public LinearSpec Spec { get; }

    /// <summary>Functionals per clip: the regression's inputs.</summary>
    public int Inputs { get; }

    /// <summary>The regression's weights [classes, inputs] (L2-penalised) and bias [classes] (not penalised).</summary>
    public Parameter Weight => output.weight!;

    public Parameter Bias => output.bias!;

    /// <summary>[N, inputs] float64: the functionals of a batch, standardised with the stored statistics.</summary>
    public Tensor Standardized(Tensor x, Tensor validFrames)
    {
        using var scope = torch.NewDisposeScope();
        return UtteranceFunctionals.Compute(x, validFrames, Spec.Functionals).sub(center).div(scale).MoveToOuterDisposeScope();
    }

    /// <summary>Float64 logits of standardised functionals (the fit's objective reads these).</summary>
    public Tensor Logits(Tensor standardized) => output.call(standardized);

    public override Tensor forward(Tensor x, Tensor validFrames)
    {
        using var scope = torch.NewDisposeScope();
        return Logits(Standardized(x, validFrames)).to(ScalarType.Float32).MoveToOuterDisposeScope();
    }

    /// <summary>Stores the mean and population std (floored at <see cref="MinStd"/>) of the training fold's raw
    /// functionals [N, inputs].</summary>
    public void SetStandardization(Tensor functionals)
    {
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        center.copy_(functionals.mean([0]));
        scale.copy_(functionals.std(0, unbiased: false).clamp_min(MinStd));
    }

    /// <summary>Standardises raw functionals [N, inputs] with the stored statistics.</summary>
    public Tensor Standardize(Tensor functionals) => functionals.sub(center).div(scale);

    /// <summary>Zero weights and bias: every fit starts from the same point, so it is a function of its data.</summary>
    public void Reset()
    {
        using var noGrad = torch.no_grad();
        output.weight!.zero_();
        output.bias!.zero_();
    }
}
