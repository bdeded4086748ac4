using TorchSharp;
using static TorchSharp.torch;

namespace SerDarts.Models;

/// <summary>
/// What the trainer needs from every trainable model (derived network or baseline): logits from
/// <c>forward</c>, optionally auxiliary logits while training, input scaling fitted on the training set,
/// and a drop-path probability the trainer raises over the epochs.
/// </summary>
public abstract class ClassifierModel : nn.Module<Tensor, Tensor>
{
    protected ClassifierModel(string name) : base(name) { }

    /// <summary>The input standardisation applied first in <c>forward</c>.</summary>
    public abstract InputScaler Scaler { get; }

    /// <summary>Logits and, for models with an auxiliary head in training mode, the auxiliary logits.</summary>
    public virtual (Tensor Logits, Tensor? Auxiliary) ForwardTraining(Tensor x) => (forward(x), null);

    /// <summary>Sets the drop-path probability (models without drop path ignore it).</summary>
    public virtual void SetDropPathProbability(double probability) { }

    /// <summary>Trainable parameters, the auxiliary head excluded (the size a paper reports).</summary>
    public virtual long ParameterCount() => parameters().Sum(p => p.numel());
}
