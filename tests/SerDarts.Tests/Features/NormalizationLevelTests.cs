using System.Text.Json;
using SerDarts.Corpora;
using SerDarts.Features;
using static TorchSharp.torch;

namespace SerDarts.Tests.Features;

/// <summary>
/// The four <c>features.normalization</c> levels against numpy (Fixtures/make_normalization_fixtures.py writes
/// Fixtures/normalization.json): tiny grids whose padding is not zero, so a statistic that reads padding, or an
/// output that keeps it, differs from the reference.
/// </summary>
public class NormalizationLevelTests
{
    private static readonly Lazy<JsonElement> Fixture = new(() =>
        JsonDocument.Parse(File.ReadAllText(FeatureFixtures.Local("normalization.json"))).RootElement);

    private static FeatureSet Set(string part)
    {
        var p = Fixture.Value.GetProperty(part);
        var x = p.GetProperty("x").EnumerateArray().Select(v => (float)v.GetDouble()).ToArray();
        var valid = p.GetProperty("valid").EnumerateArray().Select(v => v.GetInt32()).ToArray();
        return new FeatureSet(tensor(x, [valid.Length, 1, 2, 5]), new long[valid.Length],
            Enumerable.Range(0, valid.Length).Select(i => $"{part}{i}").ToArray(), validFrames: valid);
    }

    private static string[] Strings(string part, string name) =>
        Fixture.Value.GetProperty(part).GetProperty(name).EnumerateArray().Select(v => v.GetString()!).ToArray();

    private static void AssertExpected(string name, FeatureSet actual)
    {
        var expected = Fixture.Value.GetProperty("expected").GetProperty(name).EnumerateArray().Select(v => v.GetDouble()).ToArray();
        var values = actual.Inputs.data<float>().ToArray();
        Assert.Equal(expected.Length, values.Length);
        for (int i = 0; i < expected.Length; i++) Assert.True(Math.Abs(expected[i] - values[i]) < 1e-4, $"{name}[{i}]: {values[i]}, numpy {expected[i]}");
    }

    [Fact]
    public void None_keeps_the_valid_frames_bit_for_bit_and_sets_padding_to_zero()
    {
        using var test = Set("test");
        using var none = test.WithPaddingZeroed();
        AssertExpected("none", none);
        var raw = test.Inputs.data<float>().ToArray();
        var kept = none.Inputs.data<float>().ToArray();
        for (int n = 0; n < test.Count; n++)
            for (int r = 0; r < 2; r++)
                for (int f = 0; f < test.ValidFrames[n]; f++)
                    Assert.Equal(raw[(n * 2 + r) * 5 + f], kept[(n * 2 + r) * 5 + f]); // exactly the raw value
    }

    [Fact]
    public void Fold_statistics_are_over_the_training_grids_valid_frames_and_padding_becomes_zero()
    {
        using var train = Set("train");
        using var test = Set("test");
        var normalizer = FeatureNormalizer.FitOnTraining(train);
        using var normalised = normalizer.Apply(test);
        AssertExpected("fold", normalised);
    }

    [Fact]
    public void Speaker_statistics_are_each_speakers_own_valid_frames()
    {
        using var train = Set("train");
        using var test = Set("test");
        using var a = SpeakerNormalization.Apply(train, Strings("train", "speakers"));
        using var b = SpeakerNormalization.Apply(test, Strings("test", "speakers"));
        AssertExpected("speakerTrain", a);
        AssertExpected("speakerTest", b);
    }

    [Fact]
    public void Enrolment_statistics_come_from_the_enrolment_grids_only_and_apply_to_all_the_speakers_grids()
    {
        using var test = Set("test");
        var enrolled = Fixture.Value.GetProperty("test").GetProperty("enrolled").EnumerateArray().Select(v => v.GetBoolean()).ToArray();
        using var normalised = SpeakerNormalization.Apply(test, Strings("test", "speakers"), enrolled);
        AssertExpected("enrolmentTest", normalised);
    }

    [Fact]
    public void Enrolment_clips_are_the_ones_whose_seeded_sha256_sorts_first_per_speaker()
    {
        var e = Fixture.Value.GetProperty("enrolment");
        var ids = e.GetProperty("ids").EnumerateArray().Select(v => v.GetString()!).ToArray();
        var speakers = e.GetProperty("speakers").EnumerateArray().Select(v => v.GetString()!).ToArray();
        var part = ids.Select((id, i) => new Utterance(id, $"{id}.wav", "neutral", speakers[i], "Session1", 1.0, new Dictionary<string, string>())).ToList();
        foreach (var choice in e.GetProperty("choices").EnumerateArray())
        {
            var chosen = SpeakerEnrolment.Choose(part, choice.GetProperty("clips").GetInt32(), choice.GetProperty("seed").GetInt32(), "test");
            Assert.Equal(choice.GetProperty("chosen").EnumerateArray().Select(v => v.GetString()!), chosen.Order(StringComparer.Ordinal));
        }
        // 3 clips per speaker: enrolling 3 would leave none to score.
        var error = Assert.Throws<InvalidDataException>(() => SpeakerEnrolment.Choose(part, 3, 0, "test"));
        Assert.Contains("features.normalization 'enrolment:3'", error.Message);
        Assert.Contains("test speaker Ses01F has 3 clips", error.Message);
    }

    [Theory]
    [InlineData("none", "none", 0)]
    [InlineData("fold", "fold", 0)]
    [InlineData("speaker", "speaker", 0)]
    [InlineData("enrolment:4", "enrolment", 4)]
    [InlineData("enrolment:12", "enrolment", 12)]
    public void Valid_levels_parse_and_print_back(string text, string kind, int clips)
    {
        var level = NormalizationLevel.Parse(text);
        Assert.Equal((kind, clips), (level.Kind, level.EnrolmentClips));
        Assert.Equal(text, level.ToString());
        Assert.Empty(new FeatureSettings { Normalization = text }.Errors());
    }

    [Theory]
    [InlineData("enrolment")]
    [InlineData("enrolment:")]
    [InlineData("enrolment:0")]
    [InlineData("enrolment:-1")]
    [InlineData("enrolment:+3")]
    [InlineData("enrolment:1.5")]
    [InlineData("enrolment:x")]
    [InlineData("enrolment: 4")]
    [InlineData("enrolment:99999999999")]
    [InlineData("Speaker")]
    [InlineData("")]
    public void Invalid_levels_are_one_error_naming_the_field(string text)
    {
        var error = Assert.Single(new FeatureSettings { Normalization = text }.Errors());
        Assert.StartsWith($"features.normalization '{text}' is not none, fold, speaker or enrolment:N", error);
        Assert.DoesNotContain('\n', error);
        Assert.Contains("features.normalization", Assert.Throws<ArgumentException>(() => NormalizationLevel.Parse(text)).Message);
    }
}
