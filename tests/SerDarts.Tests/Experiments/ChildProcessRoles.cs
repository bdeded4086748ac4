using System.Reflection;
using System.Runtime.CompilerServices;
using SerDarts.Experiments.Execution;
using SerDarts.Experiments.Specs;
using SerDarts.Experiments.Store;

namespace SerDarts.Tests.Experiments;

/// <summary>
/// Lets tests start this test assembly as a separate process (<c>dotnet exec SerDarts.Tests.dll</c>) playing a role:
/// a store writer, a runner that can be killed mid-trial, or a fresh C heap to measure. The role is chosen by an environment variable and
/// runs from a module initializer, before the (empty) generated entry point; inside the test host it does nothing.
/// </summary>
internal static class ChildProcessRoles
{
    public const string RoleVariable = "SERDARTS_TEST_CHILD_ROLE";

#pragma warning disable CA2255 // the test assembly doubles as the child process' entry point
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Dispatch()
    {
        var role = Environment.GetEnvironmentVariable(RoleVariable);
        if (string.IsNullOrEmpty(role) || Assembly.GetEntryAssembly() != typeof(ChildProcessRoles).Assembly) return;
        var code = role switch
        {
            "store-writer" => StoreWriter(),
            "runner" => Runner(),
            "worker" => WorkerRoles.Worker(),
            "cpu-kernels" => Runtime.CpuReproducibilityTests.ConvolutionDigest(Variable("MODE")),
            "native-heap" => Runtime.NativeHeapTests.MeasureLargeTensors(Variable("RETURN_LARGE_BLOCKS") == "1"),
            // The serdarts command line with the arguments in CLI_ARGS (a JSON array), in a process of its own
            // (its own environment, e.g. SERDARTS_CACHE, and its own exit code).
            "cli" => SerDarts.Cli.CliApp.Build().Parse(System.Text.Json.JsonSerializer.Deserialize<string[]>(Variable("CLI_ARGS"))!).Invoke(),
            _ => 64,
        };
        Environment.Exit(code);
    }

    /// <summary>Claims and completes COUNT trials with folds FROM.. on STORE, starting together with the other
    /// writers: it writes READY, then waits for the file GO.</summary>
    private static int StoreWriter()
    {
        using var store = ResultsStore.Open(Variable("STORE"));
        File.WriteAllText(Variable("READY"), "ready");
        var started = Environment.TickCount64;
        while (!File.Exists(Variable("GO")))
        {
            if (Environment.TickCount64 - started > 60_000) return 3;
            Thread.Sleep(5);
        }
        var spec = TestSpecs.FourFolds("writers");
        var owner = TrialOwner.ForThisProcess();
        var (from, count) = (int.Parse(Variable("FROM")), int.Parse(Variable("COUNT")));
        for (var fold = from; fold < from + count; fold++)
            StoreWriting.ClaimAndComplete(store, new TrialSpec(spec, fold, 0), owner);
        Console.WriteLine("ok");
        return 0;
    }

    /// <summary>Runs <see cref="TestSpecs.FourFolds"/> (or FOLDS folds) on STORE/RUNS; with HANG_AT = k it writes READY and
    /// hangs inside its k-th execution (0-based) so the parent can kill it mid-trial.</summary>
    private static int Runner()
    {
        using var store = ResultsStore.Open(Variable("STORE"));
        var hangAt = int.Parse(Environment.GetEnvironmentVariable("HANG_AT") ?? "-1");
        var delay = int.Parse(Environment.GetEnvironmentVariable("DELAY_MS") ?? "0");
        var folds = int.Parse(Environment.GetEnvironmentVariable("FOLDS") ?? "4");
        var executed = 0;
        var executor = new ScriptedExecutor(folds)
        {
            During = (_, _, _) =>
            {
                if (executed++ == hangAt)
                {
                    File.WriteAllText(Variable("READY"), "ready");
                    Thread.Sleep(Timeout.Infinite);
                }
                Thread.Sleep(delay);
            },
        };
        var spec = TestSpecs.FourFolds("runner") with { Folds = null };
        var summary = new ExperimentRunner(store, executor, new RunnerOptions { RunsFolder = Variable("RUNS"), GitCommit = "child" }).RunSpec(spec);
        Console.WriteLine($"executed={summary.Executed} skipped={summary.Skipped} busy={summary.Busy} failed={summary.Failed}");
        return 0;
    }

    private static string Variable(string name) =>
        Environment.GetEnvironmentVariable(name) ?? throw new InvalidOperationException($"child role needs {name}");
}
