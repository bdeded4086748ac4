using System.Text.Json;
using SerDarts.Audio.Augmentation;
using SerDarts.Experiments.Specs;
using SerDarts.Features;

namespace SerDarts.Tests.Features;

public class AugmentationSettingsTests
{
    private static readonly AugmentationSettings Full = new(
        SpeedFactors: [0.9, 1.1], NoiseSnrDb: [20], PitchSemitones: [-2, 2], CopiesPerClip: 2, Seed: 42,
        Masking: new MaskingSettings());

    [Fact]
    public void None_is_the_default_and_changes_nothing()
    {
        Assert.True(new AugmentationSettings().IsNone);
        Assert.Equal("none", AugmentationSettings.None.CanonicalString());
        Assert.Empty(AugmentationSettings.None.Pool());
        Assert.Empty(AugmentationSettings.None.TransformsFor("any"));
        Assert.True(AugmentationSettings.None.MaskingOrNone.IsNone);
        Assert.False(new AugmentationSettings(Masking: new MaskingSettings()).IsNone);
    }

    [Fact]
    public void Canonical_string_lists_every_setting()
    {
        Assert.Equal(
            "augment/v1|speed=0.9,1.1|noise_snr_db=20|pitch=-2,2|copies=2|seed=42|" +
            "masking=specaugment(freq_masks=2,freq_width=0.15,time_masks=2,time_width=0.1,fill=0)",
            Full.CanonicalString());
        Assert.NotEqual(Full.CanonicalString(), (Full with { Seed = 43 }).CanonicalString());
        Assert.NotEqual(Full.CanonicalString(), (Full with { CopiesPerClip = null }).CanonicalString());
    }

    [Fact]
    public void Round_trips_through_the_spec_json_options_with_value_equality()
    {
        var json = JsonSerializer.Serialize(Full, SpecJson.Options(indented: false));
        Assert.Equal(
            "{\"speedFactors\":[0.9,1.1],\"noiseSnrDb\":[20],\"pitchSemitones\":[-2,2],\"copiesPerClip\":2,\"seed\":42," +
            "\"masking\":{\"frequencyMasks\":2,\"frequencyWidth\":0.15,\"timeMasks\":2,\"timeWidth\":0.1}}", json);
        var back = JsonSerializer.Deserialize<AugmentationSettings>(json, SpecJson.Options(indented: false))!;
        Assert.Equal(Full, back); // lists compare by value
        Assert.Equal(Full.GetHashCode(), back.GetHashCode());
        var minimal = JsonSerializer.Deserialize<AugmentationSettings>("{\"noiseSnrDb\":[10]}", SpecJson.Options(false))!;
        Assert.Equal(new AugmentationSettings(NoiseSnrDb: [10]), minimal);
    }

    [Fact]
    public void Pool_holds_one_transform_per_listed_value_in_order()
    {
        Assert.Equal(
            ["speed(factor=0.9)", "speed(factor=1.1)", "noise(kind=white-gaussian,snr_db=20,seed=42)",
             "pitch(semitones=-2,tsm=phase-locking-vocoder,fft=1024,hop=128)", "pitch(semitones=2,tsm=phase-locking-vocoder,fft=1024,hop=128)"],
            Full.Pool().Select(t => t.CanonicalString()));
    }

    [Fact]
    public void Copies_per_clip_draws_distinct_transforms_per_utterance_reproducibly()
    {
        var ids = Enumerable.Range(0, 200).Select(i => $"utt{i}").ToList();
        var draws = ids.Select(id => Full.TransformsFor(id).Select(t => t.CanonicalString()).ToList()).ToList();
        Assert.All(draws, d => Assert.Equal(2, d.Distinct().Count()));
        Assert.Equal(draws, ids.Select(id => Full.TransformsFor(id).Select(t => t.CanonicalString()).ToList()));
        // 5 choose 2 = 10 possible pairs; 200 utterances see nearly all of them, and each transform about 2/5 of the time.
        Assert.True(draws.Select(d => string.Join("+", d)).Distinct().Count() >= 9);
        foreach (var transform in Full.Pool())
            Assert.InRange(draws.Count(d => d.Contains(transform.CanonicalString())), 50, 110); // expected 80
        Assert.Equal(5, (Full with { CopiesPerClip = null }).TransformsFor("utt0").Count);
    }

    [Fact]
    public void Errors_name_each_bad_setting()
    {
        var bad = new AugmentationSettings(SpeedFactors: [1.0, 0.9, 0.9], NoiseSnrDb: [200], PitchSemitones: [0.01],
            CopiesPerClip: 9, Masking: new MaskingSettings(TimeWidth: 2));
        var errors = bad.Errors();
        Assert.Contains(errors, e => e.StartsWith("augmentation.speedFactors: speed factor 1 "));
        Assert.Contains(errors, e => e == "augmentation.speedFactors lists a value twice");
        Assert.Contains(errors, e => e.StartsWith("augmentation.noiseSnrDb: SNR 200 dB"));
        Assert.Contains(errors, e => e.StartsWith("augmentation.pitchSemitones: pitch shift 0.01 is below"));
        Assert.Contains(errors, e => e.StartsWith("augmentation.copiesPerClip 9 must lie in 1..5"));
        Assert.Contains(errors, e => e.StartsWith("augmentation.masking.timeWidth 2"));
        Assert.Equal(6, errors.Count);
        Assert.Throws<ArgumentException>(() => bad.EnsureValid());
        Assert.Empty(Full.Errors());
    }
}
