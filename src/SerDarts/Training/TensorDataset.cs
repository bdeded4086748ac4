using SerDarts.Corpora;
using TorchSharp;
using static TorchSharp.torch;

namespace SerDarts.Training;

/// <summary>
/// Features and labels in memory: <see cref="Inputs"/> is [N, 1, F, T] float32 (F: frequency / MFCC
/// coefficient on the height axis, T: frames on the width axis), <see cref="Labels"/> the class indices
/// (EmotionClasses order). The caller owns the tensor.
/// </summary>
public sealed record TensorDataset(Tensor Inputs, long[] Labels)
{
    public int Count => Labels.Length;

    /// <summary>Number of classes the labels index into (the 4-class set of the paper).</summary>
    public static int Classes => EmotionClasses.FourClass.Count;

    /// <summary>Checks shape, type and labels; <paramref name="name"/> names the set in the error.</summary>
    public void Validate(string name)
    {
        if (Inputs.dim() != 4 || Inputs.shape[1] != 1)
            throw new ArgumentException($"{name} inputs must be [N, 1, F, T], got [{string.Join(", ", Inputs.shape)}]");
        if (Inputs.dtype != ScalarType.Float32)
            throw new ArgumentException($"{name} inputs must be float32, got {Inputs.dtype}");
        if (Inputs.shape[0] != Labels.Length)
            throw new ArgumentException($"{name} has {Inputs.shape[0]} inputs but {Labels.Length} labels");
        int bad = Array.FindIndex(Labels, l => l < 0 || l >= Classes);
        if (bad >= 0)
            throw new ArgumentException($"{name} label {Labels[bad]} at index {bad} is outside 0..{Classes - 1}");
    }

    /// <summary>Inputs and labels of the given samples, on <paramref name="device"/> (in the caller's dispose scope).</summary>
    public (Tensor X, Tensor Y) Batch(int[] indices, Device device)
    {
        using var index = torch.tensor(indices.Select(i => (long)i).ToArray(), dtype: ScalarType.Int64);
        var x = Inputs.index_select(0, index).to(device);
        var y = torch.tensor(indices.Select(i => Labels[i]).ToArray(), dtype: ScalarType.Int64, device: device);
        return (x, y);
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
}
