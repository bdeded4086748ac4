using static TorchSharp.torch;

namespace SerDarts.Features;

/// <summary>
/// Network inputs of a list of utterances: <see cref="Inputs"/> [N, channels, rows, frames] float32 on the
/// CPU, <see cref="Labels"/> the 4-class indices (EmotionClasses.IndexOf), <see cref="Ids"/> the utterance ids,
/// all in the same order. Owns the tensor.
/// </summary>
public sealed class FeatureSet(Tensor inputs, long[] labels, IReadOnlyList<string> ids, FeatureSpec? spec = null) : IDisposable
{
    public Tensor Inputs { get; } = inputs.shape[0] == labels.Length && labels.Length == ids.Count
        ? inputs
        : throw new ArgumentException($"feature set: {inputs.shape[0]} inputs, {labels.Length} labels, {ids.Count} ids");

    public long[] Labels { get; } = labels;

    public IReadOnlyList<string> Ids { get; } = ids;

    /// <summary>The spec the inputs were computed with, when known.</summary>
    public FeatureSpec? Spec { get; } = spec;

    public int Count => Labels.Length;

    /// <summary>A new set holding the given rows (copies; dispose both).</summary>
    public FeatureSet Select(IReadOnlyList<int> indices)
    {
        using var scope = NewDisposeScope();
        var index = tensor(indices.Select(i => (long)i).ToArray());
        var rows = Inputs.index_select(0, index).MoveToOuterDisposeScope();
        return new FeatureSet(rows, indices.Select(i => Labels[i]).ToArray(), indices.Select(i => Ids[i]).ToArray(), Spec);
    }

    public void Dispose() => Inputs.Dispose();
}
