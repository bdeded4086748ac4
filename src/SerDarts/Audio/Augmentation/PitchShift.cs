using NWaves.Operations.Tsm;
using NWaves.Signals;

namespace SerDarts.Audio.Augmentation;

/// <summary>
/// Pitch shift by <see cref="Semitones"/> that keeps the duration: NWaves' phase-locking phase vocoder stretches
/// the clip in time by the ratio (pitch unchanged), then the project's <see cref="Resampler"/> plays it back
/// faster by the same ratio (duration restored, every frequency multiplied by <see cref="Ratio"/>).
/// </summary>
/// <remarks>
/// NWaves' own <c>PitchShiftEffect</c> does the same two steps but resamples by linear interpolation, which
/// aliases whatever lies above the new Nyquist frequency when shifting up; the band-limited resampler does not.
/// The vocoder's stretch is its synthesis hop over its analysis hop, so the realised ratio is
/// round(128 * 2^(s/12)) / 128 (within 0.4% of 2^(s/12)), and <see cref="Ratio"/> reports exactly that.
/// The clip is padded with one FFT frame of silence at each end so that its first and last samples get full
/// vocoder frames, and the output is aligned on the input (the vocoder maps frame centres, not frame starts).
/// </remarks>
public sealed record PitchShift : IWaveformTransform
{
    /// <summary>NWaves' own choice for 16 kHz (Operation.TimeStretch): 64 ms frames, 87.5% overlap.</summary>
    public const int FftSize = 1024, AnalysisHop = 128;

    /// <param name="semitones">Shift in [-12, 12] semitones, large enough to change the vocoder's hop (|s| &gt;= 0.07).</param>
    public PitchShift(double semitones)
    {
        if (Problem(semitones) is { } problem) throw new ArgumentOutOfRangeException(nameof(semitones), semitones, problem);
        Semitones = semitones;
    }

    /// <summary>Why <paramref name="semitones"/> is not a valid shift, or null.</summary>
    public static string? Problem(double semitones) =>
        !double.IsFinite(semitones) || Math.Abs(semitones) > 12
            ? $"pitch shift {CanonicalNumber.Format(semitones)} must lie in [-12, 12] semitones"
            : Hop(semitones) == AnalysisHop
                ? $"pitch shift {CanonicalNumber.Format(semitones)} is below the vocoder's resolution (ratio steps of 1/{AnalysisHop})"
                : null;

    public double Semitones { get; }

    /// <summary>The vocoder's synthesis hop: the stretch is SynthesisHop / AnalysisHop.</summary>
    public int SynthesisHop => Hop(Semitones);

    /// <summary>The frequency ratio applied: SynthesisHop / AnalysisHop.</summary>
    public double Ratio => (double)SynthesisHop / AnalysisHop;

    public string CanonicalString() =>
        $"pitch(semitones={CanonicalNumber.Format(Semitones)},tsm=phase-locking-vocoder,fft={FftSize},hop={AnalysisHop})";

    private static int Hop(double semitones) => (int)Math.Round(AnalysisHop * Math.Pow(2, semitones / 12));

    public AudioClip Apply(AudioClip clip)
    {
        int n = clip.Samples.Length, rate = clip.SampleRate;
        var padded = new float[n + 2 * FftSize];
        clip.Samples.CopyTo(padded, FftSize);
        // NWaves sets its synthesis hop to (int)(AnalysisHop * stretch): half a hop above keeps it exact.
        var vocoder = new PhaseLockingVocoder((SynthesisHop + 0.5) / AnalysisHop, AnalysisHop, FftSize);
        var stretched = vocoder.ApplyTo(new DiscreteSignal(rate, padded)).Samples;
        var shifted = Resampler.Resample(stretched, rate * SynthesisHop, rate * AnalysisHop);
        // Input sample t (padded) lands at (t - F/2) * Ratio + F/2 after the vocoder, at that over Ratio after
        // resampling: t - F/2 * (1 - 1/Ratio).
        int start = FftSize - (int)Math.Round(FftSize / 2.0 * (1 - 1 / Ratio));
        return new AudioClip(shifted.AsSpan(start, n).ToArray(), rate);
    }
}
