using System.CommandLine;
using SerDarts.Experiments.Cluster;
using SerDarts.Experiments.Execution;
using SerDarts.Experiments.Store;

namespace SerDarts.Cli.Commands;

/// <summary><c>ablate --slurm --workers N [--partition P] [--gpus-per-task G] [--cpus-per-task C] [--time T] [--dry-run]</c>:
/// writes an sbatch array script of workers into the runs folder and submits it.</summary>
internal sealed class SlurmCliOptions
{
    public Option<bool> Slurm { get; } = new("--slurm") { Description = "Run the suite as a Slurm job array of workers (needs a shared runs folder; PostgreSQL store across nodes)." };
    public Option<int> Workers { get; } = new("--workers") { Description = "Array tasks, one worker each (with --slurm).", DefaultValueFactory = _ => 4 };
    public Option<string?> Partition { get; } = new("--partition") { Description = "Slurm partition." };
    public Option<int> GpusPerTask { get; } = new("--gpus-per-task") { Description = "GPUs per array task (0: CPU only).", DefaultValueFactory = _ => 1 };
    public Option<int> CpusPerTask { get; } = new("--cpus-per-task") { Description = "CPUs per array task (the worker's torch threads)." };
    public Option<string?> Time { get; } = new("--time") { Description = "Slurm time limit per task, e.g. 2-00:00:00." };
    public Option<bool> DryRun { get; } = new("--dry-run") { Description = "Print the sbatch script; submit nothing." };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Slurm, Workers, Partition, GpusPerTask, CpusPerTask, Time, DryRun }) command.Options.Add(option);
    }

    public int Submit(ParseResult result, RunnerCliOptions options, WorkSelection selection)
    {
        var runs = options.RunsFolder(result);
        var store = options.StoreLocation(result);
        var job = new SlurmArray(selection.Label, result.GetValue(Workers),
            WorkerCommandLine.ForThisProgram([.. options.WorkerArguments(result), .. selection.WorkerArguments]),
            Path.Combine(runs, "slurm"), Environment.CurrentDirectory)
        {
            Partition = result.GetValue(Partition),
            GpusPerTask = result.GetValue(GpusPerTask),
            CpusPerTask = result.GetValue(CpusPerTask),
            Time = result.GetValue(Time),
        };
        if (result.GetValue(DryRun)) { Console.Write(job.Render()); return 0; }
        if (!store.IsPostgres)
            Console.Error.WriteLine($"serdarts ablate: the store is the SQLite file {store.Display}: workers on several nodes need PostgreSQL (--store postgres://...)");
        using (var results = ResultsStore.Open(store))
        {
            // Registering here checks the suite (folds, corpus) before anything is queued, and lets `results` show the queue at once.
            var plan = selection.Plan(new ExperimentRunner(results, TrialExecutors.CreateDefault(), options.Runner(result)));
            Console.WriteLine($"{selection.Label}: {plan.Trials.Count} trials registered in {results.Path}");
        }
        var script = Path.Combine(runs, "slurm", job.JobName + ".sbatch");
        var id = job.Submit(script, store.PasswordEnvironment());
        Console.WriteLine($"submitted Slurm job {id}: {job.Workers} workers ({script})");
        Console.WriteLine($"worker logs: {Path.Combine(job.LogFolder, $"{job.JobName}-{id}_<task>.out")}");
        Console.WriteLine($"follow it:   squeue -j {id}   and   serdarts results --store {WorkerCommandLine.Quote(store.WithoutPassword)} --suite {WorkerCommandLine.Quote(selection.Label)}");
        return 0;
    }
}
