namespace SerDarts.Features;

/// <summary>
/// Triangular mel filterbank, computed in float64 the way torchaudio's melscale_fbanks does: band edges
/// equally spaced on the mel scale, triangles over linearly spaced FFT bin frequencies, optional Slaney
/// area normalisation (2 / band width in Hz).
/// </summary>
public static class MelFilterbank
{
    /// <summary>Weights [n_freqs, n_mels] (row-major) mapping a power spectrum to mel band energies.</summary>
    public static double[,] Create(FeaturePreset p)
    {
        int nFreqs = p.FrequencyBins, nMels = p.NMels;
        var edges = BandEdgesHz(p);
        var fb = new double[nFreqs, nMels];
        for (int f = 0; f < nFreqs; f++)
        {
            double hz = BinFrequency(f, nFreqs, p.SampleRate);
            for (int m = 0; m < nMels; m++)
            {
                double down = (hz - edges[m]) / (edges[m + 1] - edges[m]);
                double up = (edges[m + 2] - hz) / (edges[m + 2] - edges[m + 1]);
                double w = Math.Max(0.0, Math.Min(down, up));
                fb[f, m] = p.MelNorm == MelNorm.Slaney ? w * 2.0 / (edges[m + 2] - edges[m]) : w;
            }
        }
        return fb;
    }

    /// <summary>n_mels + 2 band edges in Hz, equally spaced in mels between f_min and f_max.</summary>
    public static double[] BandEdgesHz(FeaturePreset p)
    {
        double lo = HzToMel(p.FMin, p.MelScale), hi = HzToMel(p.FMax, p.MelScale);
        int n = p.NMels + 2;
        var edges = new double[n];
        for (int i = 0; i < n; i++) edges[i] = MelToHz(Linspace(lo, hi, n, i), p.MelScale);
        return edges;
    }

    // torch.linspace(0, sample_rate // 2, n_freqs): note the integer division of the Nyquist frequency.
    private static double BinFrequency(int f, int nFreqs, int sampleRate) => Linspace(0, sampleRate / 2, nFreqs, f);

    private static double Linspace(double start, double end, int n, int i) =>
        n == 1 ? start : start + (end - start) * i / (n - 1);

    private const double SlaneyHzPerMel = 200.0 / 3.0;
    private const double SlaneyBreakHz = 1000.0;
    private const double SlaneyBreakMel = SlaneyBreakHz / SlaneyHzPerMel;
    private static readonly double SlaneyLogStep = Math.Log(6.4) / 27.0;

    public static double HzToMel(double hz, MelScale scale) => scale switch
    {
        MelScale.Htk => 2595.0 * Math.Log10(1.0 + hz / 700.0),
        _ => hz >= SlaneyBreakHz
            ? SlaneyBreakMel + Math.Log(hz / SlaneyBreakHz) / SlaneyLogStep
            : hz / SlaneyHzPerMel,
    };

    public static double MelToHz(double mel, MelScale scale) => scale switch
    {
        MelScale.Htk => 700.0 * (Math.Pow(10.0, mel / 2595.0) - 1.0),
        _ => mel >= SlaneyBreakMel
            ? SlaneyBreakHz * Math.Exp(SlaneyLogStep * (mel - SlaneyBreakMel))
            : SlaneyHzPerMel * mel,
    };
}
