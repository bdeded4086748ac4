using SerDarts.Corpora;

namespace SerDarts.Tests.Features;

/// <summary>A throw-away folder of 16 kHz PCM16 WAVs labelled as utterances.</summary>
internal sealed class TestCorpus : IDisposable
{
    public TestCorpus(params (string Id, string Emotion, float[] Samples)[] clips)
    {
        Folder = Directory.CreateTempSubdirectory("serdarts-features").FullName;
        Utterances = clips.Select(c =>
        {
            var path = Path.Combine(Folder, c.Id + ".wav");
            WriteWav(path, c.Samples);
            return new Utterance(c.Id, path, c.Emotion, "spk", "s1", c.Samples.Length / 16000.0,
                new Dictionary<string, string>());
        }).ToList();
    }

    public string Folder { get; }

    public List<Utterance> Utterances { get; }

    /// <summary>A deterministic test tone with a little noise, amplitude below 0.5.</summary>
    public static float[] Tone(double hz, int samples, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, samples)
            .Select(i => (float)(0.3 * Math.Sin(2 * Math.PI * hz * i / 16000) + 0.05 * (random.NextDouble() - 0.5)))
            .ToArray();
    }

    public static void WriteWav(string path, float[] samples)
    {
        using var w = new BinaryWriter(File.Create(path));
        int bytes = samples.Length * 2;
        w.Write("RIFF"u8);
        w.Write(36 + bytes);
        w.Write("WAVEfmt "u8);
        w.Write(16);
        w.Write((short)1);
        w.Write((short)1);
        w.Write(16000);
        w.Write(32000);
        w.Write((short)2);
        w.Write((short)16);
        w.Write("data"u8);
        w.Write(bytes);
        foreach (var s in samples) w.Write((short)Math.Clamp(Math.Round(s * 32768.0), short.MinValue, short.MaxValue));
    }

    public void Dispose()
    {
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }
}
