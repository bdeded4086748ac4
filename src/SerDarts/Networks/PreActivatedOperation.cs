using TorchSharp;
using static TorchSharp.torch;

namespace SerDarts.Networks;

/// <summary>
/// An operation that starts with ReLU and can take the activated input instead. A mixed edge computes
/// relu(x) once for all such candidates (the separable and dilated convolutions, factorized reduce): fewer
/// kernels, and one saved activation instead of one per candidate.
/// </summary>
public abstract class PreActivatedOperation(string name) : nn.Module<Tensor, Tensor>(name)
{
    public sealed override Tensor forward(Tensor x)
    {
        using var activated = nn.functional.relu(x);
        return ForwardActivated(activated);
    }

    /// <param name="activated">relu(x) of the operation's input.</param>
    public abstract Tensor ForwardActivated(Tensor activated);
}
