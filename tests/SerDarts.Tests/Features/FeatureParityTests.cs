using SerDarts.Features;
using TorchSharp;
using static SerDarts.Tests.Features.FeatureFixtures;

namespace SerDarts.Tests.Features;

/// <summary>Every case of Fixtures/torchaudio/params.json against torchaudio 0.13's float64 reference.</summary>
public class FeatureParityTests
{
    private const double Tolerance = 1e-4;

    public static TheoryData<string> CaseFiles() => new(Cases().Select(c => c.File));

    [Theory]
    [MemberData(nameof(CaseFiles))]
    public void Float32_production_path_matches_torchaudio_reference(string file) =>
        AssertParity(file, torch.ScalarType.Float32);

    [Theory]
    [MemberData(nameof(CaseFiles))]
    public void Float64_path_matches_torchaudio_reference(string file) =>
        AssertParity(file, torch.ScalarType.Float64);

    [Fact]
    public void Fixture_cases_cover_every_feature_of_every_preset()
    {
        var covered = Cases().Select(c => (c.Set, c.Kind)).ToHashSet();
        Assert.Contains(("paper", FeatureKind.Mfcc), covered);
        Assert.Contains(("paper", FeatureKind.LogMel), covered);
        Assert.Contains(("speech", FeatureKind.Spectrogram), covered);
        Assert.Contains(("speech", FeatureKind.LogMel), covered);
        Assert.Contains(("speech", FeatureKind.Mfcc), covered);
        Assert.Equal(15, Cases().Count);
    }

    [Fact]
    public void Named_presets_have_exactly_the_fixture_parameters()
    {
        Assert.Equal(Preset("paper"), FeaturePreset.Paper);
        Assert.Equal(Preset("speech"), FeaturePreset.Speech);
        Assert.Equal(FeaturePreset.Paper, FeaturePreset.FromName("paper"));
        Assert.Equal(FeaturePreset.Speech, FeaturePreset.FromName(" Speech "));
    }

    [Theory]
    [InlineData("paper")]
    [InlineData("speech")]
    public void Batched_clips_of_different_lengths_match_the_reference_one_by_one(string set)
    {
        var cases = Cases().Where(c => c.Set == set).ToList();
        var wavs = cases.Select(c => c.Wav).Distinct().ToList();
        using var extractor = new FeatureExtractor(Preset(set));
        foreach (var kind in cases.Select(c => c.Kind).Distinct())
        {
            using var batch = extractor.Compute(wavs.Select(Samples).ToList(), kind);
            foreach (var c in cases.Where(c => c.Kind == kind))
            {
                var actual = batch.Matrix(wavs.IndexOf(c.Wav));
                var error = RelativeError(actual, FeatureCsv.Read(Torchaudio(c.File)));
                Assert.True(error <= Tolerance, $"{c.File} in a batch: relative error {error:E2}");
            }
        }
    }

    private static void AssertParity(string file, torch.ScalarType dtype)
    {
        var c = Cases().Single(x => x.File == file);
        using var extractor = new FeatureExtractor(Preset(c.Set), dtype: dtype);
        var actual = extractor.ComputeMatrix(Samples(c.Wav), c.Kind);
        Assert.Equal(c.Rows, actual.GetLength(0));
        Assert.Equal(c.Frames, actual.GetLength(1));
        var error = RelativeError(actual, FeatureCsv.Read(Torchaudio(c.File)));
        Assert.True(error <= Tolerance, $"{file} ({dtype}): relative Frobenius error {error:E2} > {Tolerance:E0}");
    }
}
