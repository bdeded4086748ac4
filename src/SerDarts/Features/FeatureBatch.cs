using TorchSharp;
using static TorchSharp.torch;

namespace SerDarts.Features;

/// <summary>
/// Full-length features of several clips: <see cref="Features"/> is [clips, rows, max frames], clip i valid in
/// its first <see cref="Frames"/>[i] frames (the rest is padding and must be ignored).
/// </summary>
public sealed class FeatureBatch(Tensor features, int[] frames) : IDisposable
{
    public Tensor Features { get; } = features;

    public IReadOnlyList<int> Frames { get; } = frames;

    /// <summary>Clip <paramref name="index"/>'s matrix [rows, frames] as float64 on the CPU.</summary>
    public double[,] Matrix(int index)
    {
        using var scope = NewDisposeScope();
        var m = Features[index].narrow(1, 0, Frames[index]).to(ScalarType.Float64).cpu().contiguous();
        var values = m.data<double>().ToArray();
        int rows = (int)m.shape[0], cols = (int)m.shape[1];
        var result = new double[rows, cols];
        Buffer.BlockCopy(values, 0, result, 0, values.Length * sizeof(double));
        return result;
    }

    public void Dispose() => Features.Dispose();
}
