using SerDarts.Audio;
using SerDarts.Audio.Augmentation;
using static SerDarts.Tests.Audio.ToneAnalysis;

namespace SerDarts.Tests.Audio;

public class PitchShiftTests
{
    [Theory]
    [InlineData(2.0)]
    [InlineData(-3.0)]
    [InlineData(1.0)]
    public void A_tone_moves_by_the_ratio_and_the_duration_is_kept(double semitones)
    {
        var clip = new AudioClip(Sine(300, 16000, 16000), 16000);
        var shift = new PitchShift(semitones);
        var shifted = shift.Apply(clip);
        Assert.Equal(clip.Samples.Length, shifted.Samples.Length);
        Assert.Equal(16000, shifted.SampleRate);
        // The realised ratio is the vocoder's hop ratio, within 0.4% of the equal-tempered 2^(s/12).
        double equalTempered = Math.Pow(2, semitones / 12);
        Assert.InRange(shift.Ratio / equalTempered, 0.996, 1.004);
        double hz = DominantFrequency(shifted.Samples, 16000, 150, 800, 2000, 14000);
        Assert.InRange(hz / 300, shift.Ratio * 0.999, shift.Ratio * 1.001);
        double level = 10 * Math.Log10(MeanSquare(shifted.Samples.AsSpan(2000, 12000)) / MeanSquare(clip.Samples.AsSpan(2000, 12000)));
        Assert.InRange(level, -1.5, 1.5);
    }

    [Fact]
    public void Sound_stays_where_it_was_in_time()
    {
        // 0.5 s of silence, a 0.5 s tone, 0.5 s of silence: the shifted tone starts and stops at the same instants.
        var samples = new float[24000];
        Sine(400, 16000, 8000).CopyTo(samples, 8000);
        var shifted = new PitchShift(2).Apply(new AudioClip(samples, 16000)).Samples;
        var loud = Enumerable.Range(0, shifted.Length).Where(i => Math.Abs(shifted[i]) > 0.25).ToArray();
        Assert.InRange(loud[0], 8000 - 320, 8000 + 320);   // within 20 ms (the vocoder's frames are 64 ms)
        Assert.InRange(loud[^1], 16000 - 320, 16000 + 320);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.02)]
    [InlineData(13.0)]
    public void Shifts_too_small_for_the_vocoder_or_too_large_are_rejected(double semitones) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new PitchShift(semitones));

    [Fact]
    public void Canonical_string_names_the_shift_and_the_vocoder()
    {
        Assert.Equal("pitch(semitones=-2,tsm=phase-locking-vocoder,fft=1024,hop=128)", new PitchShift(-2).CanonicalString());
        Assert.NotEqual(new PitchShift(-2).CanonicalString(), new PitchShift(2).CanonicalString());
    }
}
