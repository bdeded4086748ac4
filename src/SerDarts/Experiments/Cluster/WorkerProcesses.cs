using System.Diagnostics;
using System.Runtime.InteropServices;

namespace SerDarts.Experiments.Cluster;

/// <summary>
/// N worker processes on this machine (<c>--parallel N</c>): each runs one trial at a time with its own torch
/// threads and seeds, writes its output to <c>&lt;runs&gt;/workers/&lt;label&gt;-&lt;i&gt;.log</c>, and, on a machine with
/// several GPUs, sees one of them (CUDA_VISIBLE_DEVICES, round robin). They share trials through the store only.
/// </summary>
public sealed class WorkerProcesses : IDisposable
{
    private const int SigTerm = 15;
    private readonly List<(Process Process, StreamWriter Log)> _workers = [];

    private WorkerProcesses(string logFolder) => LogFolder = logFolder;

    public string LogFolder { get; }

    /// <summary>Starts <paramref name="count"/> workers. <paramref name="environment"/> is added to this process'
    /// environment (e.g. PGPASSWORD, so that no password is on a command line).</summary>
    public static WorkerProcesses Start(WorkerCommandLine command, int count, string logFolder, string label,
        IReadOnlyDictionary<string, string>? environment = null, int gpus = 0)
    {
        Directory.CreateDirectory(logFolder);
        var pool = new WorkerProcesses(logFolder);
        try
        {
            for (var i = 0; i < count; i++) pool.StartOne(command, i, label, environment, gpus);
        }
        catch
        {
            pool.Dispose();
            throw;
        }
        return pool;
    }

    private void StartOne(WorkerCommandLine command, int i, string label, IReadOnlyDictionary<string, string>? environment, int gpus)
    {
        var info = new ProcessStartInfo(command.Executable, command.Arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) info.Environment[name] = value;
        info.Environment["SERDARTS_WORKER_INDEX"] = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (gpus > 1 && !info.Environment.ContainsKey("CUDA_VISIBLE_DEVICES"))
            info.Environment["CUDA_VISIBLE_DEVICES"] = (i % gpus).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var log = new StreamWriter(Path.Combine(LogFolder, $"{WorkerCommandLine.FileSafe(label)}-{i}.log"), append: true) { AutoFlush = true };
        var process = Process.Start(info) ?? throw new InvalidOperationException($"worker {i} did not start");
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _workers.Add((process, log));
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null) return;
        lock (log) log.WriteLine(line);
    }

    public int Count => _workers.Count;

    public int Running => _workers.Count(w => !w.Process.HasExited);

    /// <summary>Exit codes of the workers that have ended (null for those still running).</summary>
    public IReadOnlyList<int?> ExitCodes => _workers.Select(w => w.Process.HasExited ? w.Process.ExitCode : (int?)null).ToList();

    /// <summary>Asks every running worker to stop as Slurm would (SIGTERM): each releases its trial after its
    /// executor's next checkpoint, and the next run resumes it.</summary>
    public void Terminate()
    {
        foreach (var (process, _) in _workers)
            if (!process.HasExited) _ = Kill(process.Id, SigTerm);
    }

    /// <summary>Waits until every worker has ended or <paramref name="timeout"/> passed; true when all ended.</summary>
    public bool WaitForExit(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        foreach (var (process, _) in _workers)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !process.WaitForExit(left)) return false;
            process.WaitForExit(); // drains the redirected output into the log
        }
        return true;
    }

    public void Dispose()
    {
        foreach (var (process, log) in _workers)
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            process.Dispose();
            lock (log) log.Dispose();
        }
    }

    [DllImport("libc.so.6", EntryPoint = "kill", ExactSpelling = true)]
    private static extern int Kill(int pid, int signal);
}
