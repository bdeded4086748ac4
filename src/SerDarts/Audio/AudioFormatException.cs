namespace SerDarts.Audio;

/// <summary>An audio file SerDarts cannot read; the message names the file and the problem.</summary>
/// <remarks>
/// Derives from <see cref="IOException"/>: <see cref="InvalidDataException"/> is sealed. One
/// <c>catch (IOException)</c> thus covers both unreadable files and malformed ones.
/// </remarks>
public sealed class AudioFormatException : IOException
{
    public AudioFormatException(string path, string problem)
        : base($"{path}: {problem}")
    {
        Path = path;
        Problem = problem;
    }

    /// <summary>The file (or stream name) that failed.</summary>
    public string Path { get; }

    /// <summary>What is wrong with it, without the path.</summary>
    public string Problem { get; }
}
