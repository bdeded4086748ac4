using SerDarts.Audio;
using SerDarts.Features;
using SerDarts.Tests.Audio;

namespace SerDarts.Tests.Features;

/// <summary>Files whose audio cannot be used are left out of a feature set and reported, never thrown.</summary>
[Collection("torch threads")]
public class BadAudioTests
{
    /// <summary>A float32 WAV, written field by field, whose third sample is NaN.</summary>
    internal static byte[] NanWav() =>
        new WavBytes { FormatTag = 3, BitsPerSample = 32 }.Build(WavBytes.Float32([.. TestCorpus.Tone(300, 2, 1), float.NaN, .. TestCorpus.Tone(300, 8000, 2)]));

    private static TestCorpus Corpus() => FeatureSetBuilderTests.Corpus();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_NaN_wav_is_left_out_and_reported_and_the_others_are_built(bool cached)
    {
        using var corpus = Corpus();
        File.WriteAllBytes(corpus.Utterances[1].Path, NanWav());
        var spec = FeatureSpec.Small(FeatureKind.Mfcc);
        var cache = cached ? new FeatureCache(Path.Combine(corpus.Folder, "cache")) : null;
        var reports = new List<int>();

        using var build = FeatureSetBuilder.BuildUsable(corpus.Utterances, spec, cache, new InlineProgress(reports.Add), workers: 1);

        Assert.Equal(["u0", "u2", "u3"], build.Set.Ids);
        Assert.Equal(new long[] { 3, 2, 1 }, build.Set.Labels);
        var skipped = Assert.Single(build.Skipped);
        Assert.Equal(corpus.Utterances[1].Path, skipped.Path);
        Assert.Equal("sample 2 (frame 2, channel 0) is NaN", skipped.Reason);
        Assert.Equal(4, reports[^1]); // progress counts the skipped file too
        using var good = FeatureSetBuilder.Build([corpus.Utterances[0], corpus.Utterances[2], corpus.Utterances[3]], spec);
        Assert.True(good.Inputs.equal(build.Set.Inputs).all().item<bool>());
    }

    [Fact]
    public void A_file_deleted_after_the_scan_is_reported_with_a_cache_too()
    {
        using var corpus = Corpus();
        File.Delete(corpus.Utterances[3].Path);
        var cache = new FeatureCache(Path.Combine(corpus.Folder, "cache"));
        using var build = FeatureSetBuilder.BuildUsable(corpus.Utterances, FeatureSpec.Small(FeatureKind.Mfcc), cache, workers: 1);
        Assert.Equal(["u0", "u1", "u2"], build.Set.Ids);
        Assert.Equal(corpus.Utterances[3].Path, Assert.Single(build.Skipped).Path);
    }

    [Fact]
    public void Samples_a_custom_loader_returns_are_checked_too()
    {
        using var corpus = Corpus();
        using var build = FeatureSetBuilder.BuildUsable(corpus.Utterances, FeatureSpec.Small(FeatureKind.Mfcc), workers: 1,
            loadAudio: p => p.EndsWith("u2.wav") ? new AudioClip([0.1f, float.PositiveInfinity], 16000)
                : p.EndsWith("u0.wav") ? new AudioClip([], 16000) : WavReader.Read(p));
        Assert.Equal(["u1", "u3"], build.Set.Ids);
        Assert.Equal(["no samples", "sample 1 is +Infinity"], build.Skipped.Select(s => s.Reason));
    }

    [Fact]
    public void The_strict_build_names_the_utterance_and_the_file()
    {
        using var corpus = Corpus();
        File.WriteAllBytes(corpus.Utterances[2].Path, NanWav());
        var e = Assert.Throws<InvalidDataException>(() => FeatureSetBuilder.Build(corpus.Utterances, FeatureSpec.Small(FeatureKind.Mfcc)));
        Assert.Equal($"utterance u2: cannot read {corpus.Utterances[2].Path}: sample 2 (frame 2, channel 0) is NaN", e.Message);
    }

    private sealed class InlineProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
