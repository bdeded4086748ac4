using System.CommandLine;
using System.Text.Json;
using SerDarts.Runtime;
using Spectre.Console;

namespace SerDarts.Cli.Commands;

internal static class DoctorCommand
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Emit one JSON object instead of a table." };
        var reproducibility = new Option<string>("--reproducibility")
        {
            Description = "CPU kernels to check: portable (AVX2 on every x86-64 machine) or native (this CPU's fastest); the spec's execution.reproducibility.",
            DefaultValueFactory = _ => CpuReproducibility.Default,
        };
        reproducibility.AcceptOnlyFromAmong(CpuReproducibility.Portable, CpuReproducibility.Native);
        var command = new Command("doctor", "Check that the torch backend loads and computes on this machine.") { json, reproducibility };
        command.SetAction(result =>
        {
            var report = DoctorReport.Collect(result.GetValue(reproducibility)!);
            if (result.GetValue(json))
                Console.WriteLine(JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true }));
            else
                Print(report);
            return report.ComputationOk ? 0 : 1;
        });
        return command;
    }

    private static void Print(DoctorReport r)
    {
        var table = new Table().AddColumn("check").AddColumn("value");
        void Row(string k, object? v) => table.AddRow(Markup.Escape(k), Markup.Escape(v?.ToString() ?? ""));
        Row("SerDarts", r.SerDartsVersion);
        Row("TorchSharp", r.TorchSharpVersion);
        Row("libtorch", r.LibTorchVersion);
        Row("device", r.Device);
        Row("CUDA available", r.CudaAvailable);
        Row("threads", r.Threads);
        Row("native folder", r.NativeFolder);
        Row("LibTorchSharp", r.LibTorchSharpPath);
        Row("compatibility patch", r.CompatibilityPatch ? $"yes ({string.Join(", ", r.WeakenedVersions)} weakened)" : "no");
        Row("OpenMP wait policy", r.OpenMpWaitPolicy);
        Row("CPU kernels", $"{r.CpuCapability} ({r.Reproducibility})");
        Row("tensor computation", r.ComputationOk ? "ok" : $"FAILED: {r.Error}");
        AnsiConsole.Write(table);
    }
}
