using System.Diagnostics;

namespace SerDarts.Experiments.Store;

/// <summary>Who holds a started trial: host, process and a token unique to one runner. A trial whose owner is a
/// dead process on this host, or whose heartbeat went stale, is taken over and re-run.</summary>
public sealed record TrialOwner(string Host, int ProcessId, string Token)
{
    public static TrialOwner ForThisProcess() =>
        new(Environment.MachineName, Environment.ProcessId, Guid.NewGuid().ToString("N"));

    /// <summary>Whether a process with this id is running on this host.</summary>
    public static bool ProcessIsAlive(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException) { return false; }
        catch (InvalidOperationException) { return false; }
    }
}
