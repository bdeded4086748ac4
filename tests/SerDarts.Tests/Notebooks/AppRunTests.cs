using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using SerDarts.NotebookHost.Apps;

namespace SerDarts.Tests.Notebooks;

/// <summary>
/// The fixture notebook exported and run as a real file-based app (<c>dotnet run tiny.cs -- ...</c>), against this
/// checkout's SerDarts. The first run builds the app and the library (about a minute on 2 cores; the SDK caches the
/// build per app path, so the folder is fixed per checkout); the second reuses that build.
/// </summary>
public class AppRunTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(10);

    [Fact]
    public void The_exported_fixture_runs_with_dotnet_run_and_writes_its_page()
    {
        var project = AppExport.FindLibraryProject(AppContext.BaseDirectory)!;
        var folder = Path.Combine(Path.GetTempPath(), "serdarts-app-test-" + Hash(project));
        var app = Path.Combine(folder, "tiny.cs");
        var page = Path.Combine(folder, "tiny.html");
        if (File.Exists(page)) File.Delete(page);
        AppExport.Export(AppExportTests.Fixture("tiny-app.ipynb"), app, new AppExportOptions(project));

        var (exit, output, error) = Run(folder, "tiny.cs", "epochs=4", "preset=smoke");

        Assert.True(exit == 0, $"dotnet run exited {exit}:\n{output}\n{error}");
        Assert.Contains("total 2\n", output.ReplaceLineEndings("\n")); // 4 epochs x rate 0.5
        Assert.Contains("parameter 'preset' is not in the notebook's parameters cell (epochs, rate, name); ignored", error);
        var html = File.ReadAllText(page);
        Assert.Contains("<h1>Tiny app</h1>", html);
        Assert.Contains("<h3>tiny &lt;b&gt;</h3>", html); // display(Display.Heading(...)): the view, escaped
        Assert.Contains("<pre>Point { X = 4, Y = 2 }</pre>", html); // the last cell's value, displayed

        var (badExit, _, badError) = Run(folder, "tiny.cs", "epochs=ten");

        Assert.Equal(2, badExit);
        Assert.Contains("cell 2 (id params) failed: ArgumentException: parameter 'epochs': 'ten' is not a Int32", badError);
    }

    private static (int Exit, string Output, string Error) Run(string folder, params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        start.ArgumentList.Add("run");
        start.ArgumentList.Add(args[0]);
        start.ArgumentList.Add("--");
        foreach (var arg in args.Skip(1)) start.ArgumentList.Add(arg);
        // The test host's MSBuild settings must not leak into the app's own build.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList())
            start.Environment.Remove(key);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Limit))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet run {args[0]} took over {Limit.TotalMinutes} minutes");
        }
        return (process.ExitCode, output.Result, error.Result);
    }

    private static string Hash(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..10].ToLowerInvariant();
}
