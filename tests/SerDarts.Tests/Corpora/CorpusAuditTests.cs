using System.Text.Json;
using SerDarts.Corpora;
using SerDarts.Tests.Audio;

namespace SerDarts.Tests.Corpora;

/// <summary>`corpus inspect --deep`: a decode of every file, unusable ones skipped, suspicious ones flagged.</summary>
public sealed class CorpusAuditTests : IDisposable
{
    private readonly CorpusFixture _tree = new();

    private string Pcm16(string name, Func<int, short> sample, int frames = 16000) =>
        WriteBytes(_tree.PathOf(name), new WavBytes().Build(WavBytes.Pcm16(Enumerable.Range(0, frames).Select(sample).ToArray())));

    private static string WriteBytes(string path, byte[] bytes)
    {
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static Utterance Utterance(string path, string emotion = "neutral") =>
        new(Path.GetFileNameWithoutExtension(path), path, emotion, "spk", "s1", 1.0, new Dictionary<string, string>());

    [Fact]
    public void Unusable_files_leave_the_scan_as_skipped_and_suspicious_ones_are_flagged()
    {
        short Tone(int i) => (short)(8000 * Math.Sin(i * 0.1));
        var files = new[]
        {
            Pcm16("a.wav", Tone), Pcm16("b.wav", Tone, 17000), Pcm16("c.wav", Tone, 15000), Pcm16("d.wav", Tone, 16500),
            Pcm16("silent.wav", _ => 0),
            Pcm16("clipped.wav", i => i % 100 == 0 ? short.MaxValue : Tone(i)),
            Pcm16("long.wav", Tone, 16000 * 40),
            WriteBytes(_tree.PathOf("nan.wav"), new WavBytes { FormatTag = 3, BitsPerSample = 32 }.Build(WavBytes.Float32(0.1f, float.NaN))),
        };
        var scan = new CorpusScan([.. files.Select(f => Utterance(f)), Utterance(_tree.PathOf("e.wav"), "fru")],
            [new SkippedFile(_tree.PathOf("z.wav"), "no label")], new Dictionary<string, int> { ["fru"] = 1 });
        File.Copy(files[0], _tree.PathOf("e.wav"));

        var audit = CorpusAudit.Run(scan);

        Assert.Equal(9, audit.Decoded);
        var unusable = Assert.Single(audit.Unusable);
        Assert.Equal((_tree.PathOf("nan.wav"), "sample 1 (frame 1, channel 0) is NaN"), (unusable.Path, unusable.Reason));
        Assert.DoesNotContain(audit.Scan.Utterances, u => u.Path == unusable.Path);
        Assert.Equal([_tree.PathOf("nan.wav"), _tree.PathOf("z.wav")], audit.Scan.Skipped.Select(s => s.Path));
        Assert.Equal(1, audit.Scan.DroppedLabels["fru"]);
        Assert.Equal(
            [("clipped.wav", AudioFlagKind.Clipping), ("long.wav", AudioFlagKind.Duration), ("silent.wav", AudioFlagKind.Silence)],
            audit.Flags.Select(f => (Path.GetFileName(f.Path), f.Kind)));

        using var json = JsonDocument.Parse(audit.ToJson());
        Assert.Equal(7, json.RootElement.GetProperty("utterances").GetInt32()); // neutral ones left after the NaN file
        Assert.Equal(2, json.RootElement.GetProperty("skipped").GetArrayLength());
        var deep = json.RootElement.GetProperty("deep");
        Assert.Equal(9, deep.GetProperty("decoded").GetInt32());
        Assert.Equal(1, deep.GetProperty("unusable").GetInt32());
        Assert.Equal(["clipping", "duration", "silence"], deep.GetProperty("flagged").EnumerateArray().Select(f => f.GetProperty("kind").GetString()));
    }

    [Fact]
    public void Without_recounts_dropped_labels_of_the_removed_utterances()
    {
        var scan = new CorpusScan([Utterance("/a.wav", "fru"), Utterance("/b.wav", "fru"), Utterance("/c.wav")], [],
            new Dictionary<string, int> { ["fru"] = 2 });
        var less = scan.Without([new SkippedFile("/a.wav", "bad"), new SkippedFile("/c.wav", "bad")]);
        Assert.Equal(["b"], less.Utterances.Select(u => u.Id));
        Assert.Equal(1, less.DroppedLabels["fru"]);
        Assert.Equal(["/a.wav", "/c.wav"], less.Skipped.Select(s => s.Path));
        Assert.Empty(scan.Without([new SkippedFile("/b.wav", "bad"), new SkippedFile("/a.wav", "bad")]).DroppedLabels);
    }

    public void Dispose() => _tree.Dispose();
}
