using System.Globalization;
using SerDarts.Runtime;

namespace SerDarts.Runs;

/// <summary>
/// The files of a run: config.json, log.txt (timestamps and timings live only here), checkpoints/,
/// genotype.json (searches) and metrics.json. genotype.json and metrics.json hold no timing, so reruns with
/// the same seed are byte-identical.
/// </summary>
public sealed class RunDirectory
{
    public RunDirectory(string path)
    {
        if (string.IsNullOrWhiteSpace(path)) throw new ArgumentException("a run directory path is required");
        Path = System.IO.Path.GetFullPath(path);
    }

    public string Path { get; }
    public string ConfigPath => Combine("config.json");
    public string LogPath => Combine("log.txt");
    public string CheckpointFolder => Combine("checkpoints");
    public string LastCheckpoint => System.IO.Path.Combine(CheckpointFolder, "last.ckpt");
    public string BestCheckpoint => System.IO.Path.Combine(CheckpointFolder, "best.ckpt");
    public string GenotypePath => Combine("genotype.json");
    public string MetricsPath => Combine("metrics.json");

    /// <summary>True when the last checkpoint or the previous one (kept by <see cref="Checkpoint.Save"/>) exists.</summary>
    public bool HasCheckpoint => Checkpoint.Exists(LastCheckpoint);

    /// <summary>Creates the folders; refuses to start over a run that has a checkpoint unless resuming.</summary>
    public void Prepare(bool resume)
    {
        if (!resume && HasCheckpoint)
            throw new InvalidOperationException(
                $"{Path} already holds a run ({LastCheckpoint}); resume it or choose another output folder");
        Directory.CreateDirectory(CheckpointFolder);
    }

    public void WriteText(string path, string text) => AtomicFile.WriteAllText(path, text);

    /// <summary>Appends a timestamped line to log.txt.</summary>
    public void Log(string message)
    {
        Directory.CreateDirectory(Path);
        var stamp = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
        File.AppendAllText(LogPath, $"{stamp} {message}\n");
    }

    private string Combine(string name) => System.IO.Path.Combine(Path, name);
}
