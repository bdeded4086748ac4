using TorchSharp;
using static TorchSharp.torch;

namespace SerDarts.Networks;

/// <summary>
/// What training needs from every model (derived, random-cell or baseline network): logits from
/// <c>forward(x, validFrames)</c>, optionally auxiliary logits while training, and a drop-path probability the
/// trainer raises over the epochs. <c>x</c> is [N, 1, rows, frames] (already standardised by the features
/// layer); <c>validFrames</c> [N] (int64) counts each clip's frames before its zero padding, which the head
/// never reads as speech.
/// </summary>
public abstract class ClassifierModel : nn.Module<Tensor, Tensor, Tensor>
{
    protected ClassifierModel(string name) : base(name) { }

    /// <summary>Logits and, for models with an auxiliary head in training mode, the auxiliary logits.</summary>
    public virtual (Tensor Logits, Tensor? Auxiliary) ForwardTraining(Tensor x, Tensor validFrames) => (forward(x, validFrames), null);

    /// <summary>Sets the drop-path probability (models without drop path ignore it).</summary>
    public virtual void SetDropPathProbability(double probability) { }

    /// <summary>Trainable parameters, the auxiliary head excluded (the size a paper reports).</summary>
    public virtual long ParameterCount() => parameters().Sum(p => p.numel());

    /// <summary>Each clip's valid share of the input's frames, in (0, 1] (float32, [N]): a CNN keeps the time
    /// axis in proportion, so the head maps it onto its own number of steps.</summary>
    internal static Tensor ValidFraction(Tensor x, Tensor validFrames) =>
        validFrames.to(ScalarType.Float32).div(x.shape[3]).clamp(1e-6, 1.0);
}
