using TorchSharp;
using static TorchSharp.torch;

namespace SerDarts.Features;

/// <summary>
/// Regression deltas along time, as torchaudio's compute_deltas: d[t] = sum_k k * x[t + k] / (2 * sum_k k^2),
/// k = 1..n, n = (win - 1) / 2, with the edge frames repeated beyond both ends.
/// </summary>
public static class Deltas
{
    /// <summary>Deltas of <paramref name="features"/> [..., rows, frames] along the last axis (same shape).</summary>
    public static Tensor Compute(Tensor features, int winLength = 5)
    {
        if (winLength < 3 || winLength % 2 == 0) throw new ArgumentException($"delta window must be odd and >= 3, got {winLength}");
        int n = (winLength - 1) / 2;
        double denominator = n * (n + 1) * (2 * n + 1) / 3.0;
        using var scope = NewDisposeScope();
        var shape = features.shape;
        var rows = features.reshape(-1, 1, shape[^1]);
        var padded = nn.functional.pad(rows, [n, n], PaddingModes.Replicate);
        // Weights k / denominator built on the host: no torch Scalars (see FeatureExtractor.Scalars).
        var weights = Enumerable.Range(-n, winLength).Select(k => k / denominator).ToArray();
        var kernel = tensor(weights, [1, 1, winLength], dtype: features.dtype, device: features.device);
        var result = nn.functional.conv1d(padded, kernel).reshape(shape);
        return result.MoveToOuterDisposeScope();
    }
}
