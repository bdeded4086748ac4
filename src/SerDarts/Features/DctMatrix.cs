namespace SerDarts.Features;

/// <summary>DCT-II basis as torchaudio's create_dct builds it, applied over the mel axis to get MFCCs.</summary>
public static class DctMatrix
{
    /// <summary>
    /// Matrix [n_mels, n_mfcc] (row-major): mfcc[k] = sum_n logmel[n] * D[n, k] with
    /// D[n, k] = cos(pi / N * (n + 0.5) * k), scaled by sqrt(2/N) (and 1/sqrt(2) for k = 0) when orthonormal,
    /// else by 2.
    /// </summary>
    public static double[,] Create(int nMels, int nMfcc, bool orthonormal)
    {
        var d = new double[nMels, nMfcc];
        double scale = Math.Sqrt(2.0 / nMels);
        for (int n = 0; n < nMels; n++)
            for (int k = 0; k < nMfcc; k++)
            {
                double c = Math.Cos(Math.PI / nMels * (n + 0.5) * k);
                d[n, k] = orthonormal ? c * scale * (k == 0 ? 1.0 / Math.Sqrt(2.0) : 1.0) : 2.0 * c;
            }
        return d;
    }
}
