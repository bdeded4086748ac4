using static TorchSharp.torch;

namespace SerDarts.Features;

/// <summary>
/// Mel band energies straight from the squared real and imaginary parts of the spectrum
/// ([..., 2 * n_freqs], interleaved as view_as_real lays them out), so |X|^2 = re^2 + im^2 is summed inside
/// the product instead of by a separate pass. Each mel triangle touches only a short run of FFT bins, so
/// the dense product would multiply mostly zeros (98% for the paper preset): groups of adjacent bands are
/// multiplied with just the bins their triangles touch. The skipped weights are exactly zero.
/// </summary>
internal sealed class BandedMelProjection : IDisposable
{
    private const int BandsPerGroup = 16; // measured: smaller groups cost more in per-product overhead
    private readonly List<Group> groups = [];

    private sealed record Group(int FirstColumn, int Columns, Tensor Weights);

    public BandedMelProjection(double[,] filterbank, ScalarType dtype, Device device)
    {
        int nMels = filterbank.GetLength(1);
        for (int m0 = 0; m0 < nMels; m0 += BandsPerGroup)
        {
            int count = Math.Min(BandsPerGroup, nMels - m0);
            var (lo, hi) = NonZeroBins(filterbank, m0, count);
            if (hi <= lo) (lo, hi) = (0, 1); // an all-zero group still yields (zero) bands
            var block = new double[2 * (hi - lo), count];
            for (int f = lo; f < hi; f++)
                for (int m = 0; m < count; m++)
                    block[2 * (f - lo), m] = block[2 * (f - lo) + 1, m] = filterbank[f, m0 + m];
            using var scope = NewDisposeScope();
            var weights = tensor(block, dtype: ScalarType.Float64).to(dtype, device).DetachFromDisposeScope();
            groups.Add(new Group(2 * lo, 2 * (hi - lo), weights));
        }
    }

    /// <summary>Squared parts [..., 2 * n_freqs] -> mel energies [..., n_mels].</summary>
    public Tensor Apply(Tensor squaredParts)
    {
        var parts = new Tensor[groups.Count];
        for (int i = 0; i < groups.Count; i++)
            parts[i] = squaredParts.narrow(-1, groups[i].FirstColumn, groups[i].Columns).matmul(groups[i].Weights);
        return parts.Length == 1 ? parts[0] : cat(parts, -1);
    }

    private static (int Lo, int Hi) NonZeroBins(double[,] fb, int m0, int count)
    {
        int lo = int.MaxValue, hi = -1;
        for (int f = 0; f < fb.GetLength(0); f++)
            for (int m = m0; m < m0 + count; m++)
                if (fb[f, m] != 0.0) { lo = Math.Min(lo, f); hi = Math.Max(hi, f + 1); }
        return hi < 0 ? (0, 0) : (lo, hi);
    }

    public void Dispose()
    {
        foreach (var g in groups) g.Weights.Dispose();
    }
}
