using SerDarts.Runtime;
using TorchSharp;

namespace SerDarts.Experiments.Cluster;

/// <summary>The process-wide settings of a worker (or of run/ablate running trials in-process): the spec's execution
/// settings (<see cref="ProcessSetup"/>), with Slurm's CPUs per task as torch's thread count when the spec names none.
/// Once per process: its trials run one at a time.</summary>
public static class WorkerSetup
{
    /// <summary>Applies the settings; returns torch's CPU thread count.</summary>
    public static int Apply(ExecutionSettings execution)
    {
        var threads = execution.Threads > 0 ? execution.Threads
            : int.TryParse(Environment.GetEnvironmentVariable("SLURM_CPUS_PER_TASK"), out var slurm) && slurm > 0 ? slurm : 0;
        ProcessSetup.Apply(execution with { Threads = threads });
        return torch.get_num_threads();
    }
}
