using SerDarts.Tests.Audio;

namespace SerDarts.Tests.Corpora;

/// <summary>A temporary corpus tree written by a test, deleted afterwards.</summary>
internal sealed class CorpusFixture : IDisposable
{
    public CorpusFixture() => Directory.CreateDirectory(Root);

    public string Root { get; } = Path.Combine(Path.GetTempPath(), $"serdarts-corpus-{Guid.NewGuid():N}");

    public string PathOf(string relative) => Path.GetFullPath(Path.Combine(Root, relative));

    /// <summary>A silent 16-bit mono WAV of <paramref name="frames"/> frames.</summary>
    public string Wav(string relative, int frames, int rate = 16000) =>
        Write(relative, new WavBytes { SampleRate = rate }.Build(new byte[frames * 2]));

    /// <summary>A ".wav" that is not one.</summary>
    public string Corrupt(string relative) => Write(relative, "ID3\u0004 definitely an mp3"u8.ToArray());

    public string Text(string relative, string content) => Write(relative, System.Text.Encoding.UTF8.GetBytes(content));

    private string Write(string relative, byte[] bytes)
    {
        var path = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
