using System.Diagnostics;
using System.Text;

namespace SerDarts.Tests.Experiments;

/// <summary>Starts this test assembly as a child process in a role (see <see cref="ChildProcessRoles"/>).</summary>
internal sealed class ChildProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ChildProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public string Output { get { lock (_output) return _output.ToString(); } }

    public static ChildProcess Start(string role, params (string Name, string Value)[] environment)
    {
        var assembly = typeof(ChildProcess).Assembly.Location;
        var info = new ProcessStartInfo(DotnetHost(), ["exec", assembly])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(assembly)!,
        };
        info.Environment[ChildProcessRoles.RoleVariable] = role;
        foreach (var (name, value) in environment) info.Environment[name] = value;
        return new ChildProcess(Process.Start(info)!);
    }

    /// <summary>Waits for exit and returns the exit code; fails the test on timeout.</summary>
    public int WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout)) throw new TimeoutException($"child process did not finish in {timeout}: {Output}");
        _process.WaitForExit(); // flushes the redirected output
        return _process.ExitCode;
    }

    /// <summary>Waits until <paramref name="path"/> exists (a child's READY file); fails the test with
    /// <paramref name="diagnostics"/> when <paramref name="running"/> turns false or <paramref name="timeout"/> passes.</summary>
    public static void WaitForFile(string path, Func<bool> running, Func<string> diagnostics, string what, int timeoutSeconds = 90)
    {
        var waited = Stopwatch.StartNew();
        while (!File.Exists(path))
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(timeoutSeconds) && running(), $"{what}: {diagnostics()}");
            Thread.Sleep(20);
        }
    }

    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited) Kill();
        _process.Dispose();
    }

    internal static string DotnetHost()
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(host) && File.Exists(host)) return host;
        var self = Environment.ProcessPath;
        return self is not null && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self : "dotnet";
    }
}
