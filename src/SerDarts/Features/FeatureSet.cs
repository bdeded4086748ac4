using SerDarts.Corpora;
using TorchSharp;
using static TorchSharp.torch;

namespace SerDarts.Features;

/// <summary>
/// The one dataset type: network inputs of a list of utterances. <see cref="Inputs"/> is [N, channels, rows,
/// frames] float32 on the CPU (rows: MFCC coefficient or mel band on the height axis; frames on the width axis),
/// <see cref="Labels"/> the 4-class indices (<see cref="EmotionClasses"/> order), <see cref="Ids"/> the utterance
/// ids, <see cref="ValidFrames"/> how many frames of each grid hold the clip before its zero padding, and
/// <see cref="Clips"/> the clip each row belongs to (several rows per clip with whole-clip windows). All in the
/// same order. Owns the tensor.
/// </summary>
public sealed class FeatureSet : IDisposable
{
    public FeatureSet(Tensor inputs, long[] labels, IReadOnlyList<string> ids, FeatureSpec? spec = null, int[]? validFrames = null,
        IReadOnlyList<string>? clips = null)
    {
        if (inputs.shape[0] != labels.Length || labels.Length != ids.Count || (validFrames is not null && validFrames.Length != labels.Length)
            || (clips is not null && clips.Count != labels.Length))
            throw new ArgumentException($"feature set: {inputs.shape[0]} inputs, {labels.Length} labels, {ids.Count} ids" +
                                        (validFrames is null ? "" : $", {validFrames.Length} valid-frame counts") +
                                        (clips is null ? "" : $", {clips.Count} clip ids"));
        Inputs = inputs;
        Labels = labels;
        Ids = ids;
        Spec = spec;
        ValidFrames = validFrames ?? Enumerable.Repeat(inputs.dim() == 4 ? (int)inputs.shape[3] : 0, labels.Length).ToArray();
        Clips = clips ?? ids;
    }

    public Tensor Inputs { get; }

    public long[] Labels { get; }

    public IReadOnlyList<string> Ids { get; }

    /// <summary>The spec the inputs were computed with, when known.</summary>
    public FeatureSpec? Spec { get; }

    /// <summary>Frames of each grid that hold audio (the rest is the fixed-length rule's zero padding).</summary>
    public int[] ValidFrames { get; }

    /// <summary>The clip (utterance id) of each row; the row's own id unless a clip has several windows.</summary>
    public IReadOnlyList<string> Clips { get; }

    public int Count => Labels.Length;

    /// <summary>The distinct clips in order of their first row: what a clip-level evaluation scores.</summary>
    public IReadOnlyList<string> ClipOrder() => Clips.Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Number of classes the labels index into (the paper's 4-class set).</summary>
    public static int Classes => EmotionClasses.FourClass.Count;

    /// <summary>A new set holding the given rows (copies; dispose both).</summary>
    public FeatureSet Select(IReadOnlyList<int> indices)
    {
        using var scope = NewDisposeScope();
        var index = tensor(indices.Select(i => (long)i).ToArray());
        var rows = Inputs.index_select(0, index).MoveToOuterDisposeScope();
        return new FeatureSet(rows, indices.Select(i => Labels[i]).ToArray(), indices.Select(i => Ids[i]).ToArray(), Spec,
            indices.Select(i => ValidFrames[i]).ToArray(), indices.Select(i => Clips[i]).ToArray());
    }

    /// <summary>A copy whose valid frames are untouched and whose padding frames are 0: the padding rule of every
    /// normalisation level, here for <c>none</c> (dispose both).</summary>
    public FeatureSet WithPaddingZeroed()
    {
        using var scope = NewDisposeScope();
        var frames = Inputs.shape[3];
        var valid = tensor(ValidFrames.Select(v => (long)v).ToArray(), device: Inputs.device);
        var mask = FrameMask.Of(valid, frames).view(Count, 1, 1, frames).to(Inputs.dtype);
        var inputs = Inputs.mul(mask).MoveToOuterDisposeScope();
        return new FeatureSet(inputs, Labels, Ids, Spec, ValidFrames, Clips);
    }

    /// <summary>Inputs, labels and valid frames of the given samples on <paramref name="device"/>, in the caller's dispose scope.</summary>
    public MiniBatch Batch(int[] indices, Device device)
    {
        using var index = tensor(indices.Select(i => (long)i).ToArray(), dtype: ScalarType.Int64);
        var x = Inputs.index_select(0, index).to(device);
        var y = tensor(indices.Select(i => Labels[i]).ToArray(), dtype: ScalarType.Int64, device: device);
        var valid = tensor(indices.Select(i => (long)ValidFrames[i]).ToArray(), dtype: ScalarType.Int64, device: device);
        return new MiniBatch(x, y, valid);
    }

    /// <summary>Checks shape, type and labels; <paramref name="name"/> names the set in the error.</summary>
    public void Validate(string name)
    {
        if (Inputs.dim() != 4 || Inputs.shape[1] != 1)
            throw new ArgumentException($"{name} inputs must be [N, 1, rows, frames], got [{string.Join(", ", Inputs.shape)}]");
        if (Inputs.dtype != ScalarType.Float32)
            throw new ArgumentException($"{name} inputs must be float32, got {Inputs.dtype}");
        int bad = Array.FindIndex(Labels, l => l < 0 || l >= Classes);
        if (bad >= 0) throw new ArgumentException($"{name} label {Labels[bad]} at index {bad} is outside 0..{Classes - 1}");
        int badFrames = Array.FindIndex(ValidFrames, f => f < 1 || f > Inputs.shape[3]);
        if (badFrames >= 0)
            throw new ArgumentException($"{name}: {Ids[badFrames]} has {ValidFrames[badFrames]} valid frames of {Inputs.shape[3]}");
    }

    /// <summary>Samples per class.</summary>
    public int[] ClassCounts()
    {
        var counts = new int[Classes];
        foreach (var l in Labels) counts[l]++;
        return counts;
    }

    /// <summary>Inverse-frequency loss weights N / (classes x count); 0 for a class absent from the set.</summary>
    public double[] BalancedClassWeights()
    {
        var counts = ClassCounts();
        return counts.Select(c => c == 0 ? 0.0 : (double)Count / (Classes * c)).ToArray();
    }

    public void Dispose() => Inputs.Dispose();
}
