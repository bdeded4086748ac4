namespace SerDarts.Features;

/// <summary>The analysis window of the STFT.</summary>
public static class StftWindow
{
    /// <summary>
    /// Periodic Hann window of win_length samples, zero-padded on both sides to n_fft (centred, as torch.stft
    /// does when win_length &lt; n_fft).
    /// </summary>
    public static double[] PeriodicHann(int winLength, int nFft)
    {
        var w = new double[nFft];
        int left = (nFft - winLength) / 2;
        for (int i = 0; i < winLength; i++)
            w[left + i] = 0.5 - 0.5 * Math.Cos(2.0 * Math.PI * i / winLength);
        return w;
    }
}
