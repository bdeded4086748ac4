using System.Reflection;
using System.Text;

namespace SerDarts.Experiments.Cluster;

/// <summary>
/// How to start <c>serdarts worker</c>: this program again (its apphost, or <c>dotnet SerDarts.Cli.dll</c> when it
/// was started that way) with the worker's arguments. Used for local worker processes and in Slurm scripts, where
/// the program must sit on the file system every node shares.
/// </summary>
public sealed record WorkerCommandLine(string Executable, IReadOnlyList<string> Arguments)
{
    /// <summary>The running program with <paramref name="arguments"/> (which start with the verb, "worker").</summary>
    public static WorkerCommandLine ForThisProgram(IReadOnlyList<string> arguments)
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("the path of this program is unknown");
        if (Path.GetFileNameWithoutExtension(self) != "dotnet") return new WorkerCommandLine(self, arguments);
        var entry = Assembly.GetEntryAssembly()?.Location;
        if (string.IsNullOrEmpty(entry)) throw new InvalidOperationException("the entry assembly of this program is unknown");
        return new WorkerCommandLine(self, [entry, .. arguments]);
    }

    /// <summary>One shell line, each word quoted for bash.</summary>
    public string ToShell() => string.Join(" ", new[] { Executable }.Concat(Arguments).Select(Quote));

    /// <summary>A suite label as a file or job name: letters, digits, '-', '_' and '.', anything else as '_'.</summary>
    public static string FileSafe(string label) =>
        string.Concat(label.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_'));

    /// <summary>Single-quotes a word for bash unless it is plainly safe.</summary>
    public static string Quote(string word)
    {
        if (word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || "-_./=:,@%+".Contains(c))) return word;
        return new StringBuilder("'").Append(word.Replace("'", "'\\''", StringComparison.Ordinal)).Append('\'').ToString();
    }
}
