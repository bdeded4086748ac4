namespace SerDarts.Audio;

/// <summary>
/// A windowed-sinc interpolation filter evaluated at output instants t = n * from / to (in input samples).
/// For rational ratios up/down with a small "up" (every usual audio rate pair) each of the up phases gets
/// its own tap table; otherwise taps come from a finely sampled kernel with linear interpolation.
/// </summary>
internal sealed class PolyphaseFilter
{
    private const int ZeroCrossings = 64;
    private const double Rolloff = 0.945, KaiserBeta = 12.0;
    private const int MaxPhaseTables = 1024, FineSteps = 512;

    private static readonly double WindowScale = 1 / BesselI0(KaiserBeta);
    private readonly int _up, _down, _half;
    private readonly double _cutoff, _halfWidth;
    private readonly float[][]? _phases;
    private readonly double[]? _fine;

    public PolyphaseFilter(int fromRate, int toRate)
    {
        long g = Gcd(fromRate, toRate);
        _up = (int)(toRate / g);
        _down = (int)(fromRate / g);
        _cutoff = Rolloff * Math.Min(1.0, (double)toRate / fromRate); // in cycles per half input sample
        _halfWidth = ZeroCrossings / _cutoff;
        _half = (int)Math.Ceiling(_halfWidth);
        if (_up <= MaxPhaseTables)
            _phases = Enumerable.Range(0, _up).Select(p => Taps(p, Kernel)).ToArray();
        else
            _fine = Enumerable.Range(0, _half * FineSteps + 2).Select(m => Kernel((double)m / FineSteps)).ToArray();
    }

    public float[] Apply(float[] x)
    {
        long count = OutputLength(x.Length);
        var y = new float[count];
        for (long n = 0; n < count; n++)
        {
            long num = n * _down;
            long centre = num / _up;
            int phase = (int)(num % _up);
            var taps = _phases is not null ? _phases[phase] : Taps(phase, FineKernel);
            y[n] = Dot(x, centre - _half, taps);
        }
        return y;
    }

    /// <summary>ceil(n * up / down), in integers.</summary>
    public long OutputLength(long n) => (n * _up + _down - 1) / _down;

    /// <summary>Taps for output instants centre + phase/up: tap j multiplies input centre - half + j.</summary>
    private float[] Taps(int phase, Func<double, double> kernel)
    {
        double frac = (double)phase / _up;
        var taps = new float[2 * _half + 1];
        for (int j = 0; j < taps.Length; j++)
            taps[j] = (float)kernel(frac + _half - j);
        return taps;
    }

    private static float Dot(float[] x, long start, float[] taps)
    {
        double sum = 0;
        if (start >= 0 && start + taps.Length <= x.Length)
        {
            var window = x.AsSpan((int)start, taps.Length);
            for (int j = 0; j < taps.Length; j++)
                sum += window[j] * taps[j];
            return (float)sum;
        }
        for (int j = 0; j < taps.Length; j++) // near the edges: zeros outside the signal
        {
            long i = start + j;
            if (i >= 0 && i < x.Length)
                sum += x[i] * taps[j];
        }
        return (float)sum;
    }

    /// <summary>Low-pass impulse response at tau input samples: cutoff * sinc(cutoff * tau) * Kaiser.</summary>
    private double Kernel(double tau)
    {
        double r = Math.Abs(tau) / _halfWidth;
        if (r >= 1)
            return 0;
        double arg = Math.PI * _cutoff * tau;
        double sinc = arg == 0 ? 1 : Math.Sin(arg) / arg;
        return _cutoff * sinc * BesselI0(KaiserBeta * Math.Sqrt(1 - r * r)) * WindowScale;
    }

    private double FineKernel(double tau)
    {
        double p = Math.Abs(tau) * FineSteps;
        int i = (int)p;
        if (i + 1 >= _fine!.Length)
            return 0;
        return _fine[i] + (p - i) * (_fine[i + 1] - _fine[i]);
    }

    /// <summary>Modified Bessel function of the first kind, order 0 (power series).</summary>
    internal static double BesselI0(double x)
    {
        double sum = 1, term = 1, half = x / 2;
        for (int k = 1; term > 1e-17 * sum; k++)
        {
            term *= half / k * (half / k);
            sum += term;
        }
        return sum;
    }

    internal static long Gcd(long a, long b)
    {
        while (b != 0)
            (a, b) = (b, a % b);
        return a;
    }
}
