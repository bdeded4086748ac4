using SerDarts.Features;

namespace SerDarts.Tests.Features;

[Collection("torch threads")]
public class FeatureBenchmarkTests
{
    [Fact]
    public void Benchmark_reads_every_wav_under_the_folder_and_reports_throughput()
    {
        using var corpus = new TestCorpus(("a", "sad", TestCorpus.Tone(200, 16000, 1)), ("b", "sad", TestCorpus.Tone(300, 8000, 2)));
        Directory.CreateDirectory(Path.Combine(corpus.Folder, "sub"));
        TestCorpus.WriteWav(Path.Combine(corpus.Folder, "sub", "c.wav"), TestCorpus.Tone(400, 24000, 3));
        var options = new FeatureBenchmarkOptions(FeaturePreset.Paper, FeatureKind.Mfcc, Threads: 2, MinSeconds: 0.05);
        var result = FeatureBenchmark.Run(corpus.Folder, options);
        Assert.Equal(3, result.Files);
        Assert.Equal(3.0, result.AudioSeconds, 9); // 1 s + 0.5 s + 1.5 s
        Assert.Equal(2, result.Workers);
        Assert.True(result.ProcessedSeconds >= 1.0 && result.AudioSecondsPerSecond > 0);
    }

    [Fact]
    public void Benchmark_of_a_folder_without_wavs_says_so()
    {
        var folder = Directory.CreateTempSubdirectory("serdarts-bench").FullName;
        var e = Assert.Throws<FileNotFoundException>(() =>
            FeatureBenchmark.Run(folder, new FeatureBenchmarkOptions(FeaturePreset.Paper, FeatureKind.Mfcc)));
        Assert.Contains("no .wav files", e.Message);
    }
}
