using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace SerDarts.Experiments.Cluster;

/// <summary>
/// A Slurm job array of SerDarts workers: each array task runs one <c>serdarts worker</c> (via <c>exec</c>, so the
/// worker itself receives Slurm's SIGTERM on <c>scancel</c>, preemption or <see cref="SignalBeforeEnd"/> before the
/// time limit, and releases its trial after checkpointing). With <see cref="GpusPerTask"/> > 0 each task asks for
/// that many GPUs and Slurm sets CUDA_VISIBLE_DEVICES to them, so the worker's "cuda" device is its own GPU.
/// </summary>
public sealed record SlurmArray(string Label, int Workers, WorkerCommandLine Worker, string LogFolder, string WorkingDirectory)
{
    public string? Partition { get; init; }

    /// <summary>GPUs per array task (<c>--gres=gpu:G</c>); 0 for CPU-only workers.</summary>
    public int GpusPerTask { get; init; } = 1;

    /// <summary>CPUs per array task (the worker uses that many torch threads); 0 leaves Slurm's default.</summary>
    public int CpusPerTask { get; init; }

    /// <summary>Slurm time limit (<c>--time</c>, e.g. 2-00:00:00); null leaves the partition's default.</summary>
    public string? Time { get; init; }

    /// <summary>How long before the time limit Slurm sends SIGTERM, so the worker checkpoints and releases its trial.</summary>
    public TimeSpan SignalBeforeEnd { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>The job name: serdarts-&lt;label&gt; with characters Slurm and file names take.</summary>
    public string JobName => "serdarts-" + WorkerCommandLine.FileSafe(Label);

    /// <summary>The sbatch script.</summary>
    public string Render()
    {
        if (Workers < 1) throw new ArgumentException($"a Slurm array needs at least one worker (got {Workers})");
        var s = new StringBuilder();
        s.AppendLine("#!/bin/bash");
        s.AppendLine($"# SerDarts workers for '{Label}', written by `serdarts ablate --slurm`. Each array task runs one worker, which");
        s.AppendLine("# claims trials from the results store until none is left. Submitting it again is safe: done trials are skipped.");
        Directive("job-name", JobName);
        Directive("array", $"0-{Workers - 1}");
        Directive("ntasks", "1");
        if (CpusPerTask > 0) Directive("cpus-per-task", CpusPerTask.ToString(CultureInfo.InvariantCulture));
        if (GpusPerTask > 0) Directive("gres", $"gpu:{GpusPerTask}");
        if (Partition is not null) Directive("partition", Partition);
        if (Time is not null) Directive("time", Time);
        Directive("output", Path.Combine(LogFolder, "%x-%A_%a.out"));
        Directive("chdir", WorkingDirectory);
        Directive("signal", $"B:TERM@{(int)SignalBeforeEnd.TotalSeconds}");
        s.AppendLine("set -euo pipefail");
        s.AppendLine("echo \"serdarts worker: job ${SLURM_ARRAY_JOB_ID}_${SLURM_ARRAY_TASK_ID} on $(hostname), CUDA_VISIBLE_DEVICES=${CUDA_VISIBLE_DEVICES:-none}\"");
        s.AppendLine("exec " + Worker.ToShell());
        return s.ToString();

        void Directive(string name, string value)
        {
            if (value.Any(char.IsWhiteSpace)) throw new ArgumentException($"Slurm --{name} '{value}' must not contain spaces");
            s.AppendLine($"#SBATCH --{name}={value}");
        }
    }

    /// <summary>Writes the script to <paramref name="path"/> and submits it with <c>sbatch --parsable</c>; returns the job id.
    /// <paramref name="environment"/> goes to sbatch's environment, which Slurm hands to the tasks (--export=ALL).</summary>
    public string Submit(string path, IReadOnlyDictionary<string, string>? environment = null)
    {
        Directory.CreateDirectory(LogFolder);
        Runtime.AtomicFile.WriteAllText(path, Render());
        var info = new ProcessStartInfo("sbatch", ["--parsable", path])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) info.Environment[name] = value;
        Process process;
        try { process = Process.Start(info) ?? throw new InvalidOperationException("sbatch did not start"); }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new InvalidOperationException("sbatch was not found: submit from a Slurm login node (or use --dry-run and submit the script yourself)");
        }
        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            var id = output.Result.Trim().Split(';')[0];
            if (process.ExitCode != 0 || id.Length == 0)
                throw new InvalidOperationException($"sbatch {path} failed (exit {process.ExitCode}): {error.Trim()}");
            return id;
        }
    }
}
