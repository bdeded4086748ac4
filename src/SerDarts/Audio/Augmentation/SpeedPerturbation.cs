namespace SerDarts.Audio.Augmentation;

/// <summary>
/// Speed perturbation as in Kaldi's and torchaudio's <c>speed</c>: the clip is declared to have been recorded at
/// round(rate * <see cref="Factor"/>) Hz and resampled back to its rate, so it plays <see cref="Factor"/> times
/// faster: the duration is divided by the factor and every frequency (pitch and formants) multiplied by it.
/// </summary>
/// <remarks>
/// Resampling uses the project's <see cref="Resampler"/> (polyphase Kaiser sinc, about 115 dB stopband, output
/// length ceil(n * to / from), tested in ResamplerTests) rather than NWaves': for the usual factors the rate pair
/// is 10:9 or 10:11, which NWaves' <c>ResampleUpDown</c> handles by zero-stuffing to 160-176 kHz and one
/// 101-tap low-pass there, about nine input samples per side, a far weaker anti-aliasing filter.
/// </remarks>
public sealed record SpeedPerturbation : IWaveformTransform
{
    /// <param name="factor">Speed ratio in [0.5, 2], not 1 (1 is the original clip): 1.1 is 10% faster and shorter.</param>
    public SpeedPerturbation(double factor)
    {
        if (Problem(factor) is { } problem) throw new ArgumentOutOfRangeException(nameof(factor), factor, problem);
        Factor = factor;
    }

    public double Factor { get; }

    /// <summary>Why <paramref name="factor"/> is not a valid speed factor, or null.</summary>
    public static string? Problem(double factor) => double.IsFinite(factor) && factor is >= 0.5 and <= 2 && factor != 1
        ? null
        : $"speed factor {CanonicalNumber.Format(factor)} must lie in [0.5, 2] and differ from 1 (the original clip)";

    public string CanonicalString() => $"speed(factor={CanonicalNumber.Format(Factor)})";

    /// <summary>The rate the clip is declared to have before resampling back to <paramref name="sampleRate"/>;
    /// rounding to whole hertz changes the factor by under 1/(2 * rate * factor) (3e-5 at 16 kHz).</summary>
    public int SourceRate(int sampleRate) => (int)Math.Round(sampleRate * Factor);

    public AudioClip Apply(AudioClip clip) =>
        new(Resampler.Resample(clip.Samples, SourceRate(clip.SampleRate), clip.SampleRate), clip.SampleRate);
}
