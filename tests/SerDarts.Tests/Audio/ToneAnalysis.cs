namespace SerDarts.Tests.Audio;

/// <summary>Independent measurements for the augmentation tests: a plain DFT, no library code.</summary>
internal static class ToneAnalysis
{
    public static float[] Sine(double hz, int rate, int samples, double amplitude = 0.5) =>
        Enumerable.Range(0, samples).Select(n => (float)(amplitude * Math.Sin(2 * Math.PI * hz * n / rate))).ToArray();

    /// <summary>
    /// The frequency in [<paramref name="lowHz"/>, <paramref name="highHz"/>] where the Hann-windowed DFT of
    /// x[from..to) peaks: a 1 Hz grid, then a 0.01 Hz grid around the best point.
    /// </summary>
    public static double DominantFrequency(float[] x, int rate, double lowHz, double highHz, int from, int to)
    {
        var windowed = new double[to - from];
        for (int n = 0; n < windowed.Length; n++)
            windowed[n] = x[from + n] * (0.5 - 0.5 * Math.Cos(2 * Math.PI * n / (windowed.Length - 1)));
        double Best(double start, double stop, double step)
        {
            double best = start, bestPower = -1;
            for (double f = start; f <= stop; f += step)
            {
                double power = Power(windowed, f / rate);
                if (power > bestPower) (best, bestPower) = (f, power);
            }
            return best;
        }
        double coarse = Best(lowHz, highHz, 1);
        return Best(coarse - 1, coarse + 1, 0.01);
    }

    /// <summary>|sum x[n] e^(-i 2 pi f n)|^2 at <paramref name="cyclesPerSample"/>.</summary>
    private static double Power(double[] x, double cyclesPerSample)
    {
        double re = 0, im = 0, w = 2 * Math.PI * cyclesPerSample;
        for (int n = 0; n < x.Length; n++)
        {
            re += x[n] * Math.Cos(w * n);
            im -= x[n] * Math.Sin(w * n);
        }
        return re * re + im * im;
    }

    public static double MeanSquare(ReadOnlySpan<float> x)
    {
        double sum = 0;
        foreach (var v in x) sum += (double)v * v;
        return sum / x.Length;
    }
}
