using static TorchSharp.torch;

namespace SerDarts.Search.Operations;

/// <summary>
/// An operation that starts with ReLU and can take the activated input instead. A mixed edge computes
/// relu(x) once for all such candidates (the separable and dilated convolutions, factorized reduce): fewer
/// kernels, and one saved activation instead of one per candidate.
/// </summary>
public interface IPreActivated
{
    /// <param name="activated">relu(x) of the edge input.</param>
    Tensor ForwardActivated(Tensor activated);
}
