using TorchSharp;

namespace SerDarts.Experiments;

/// <summary>torch's CPU thread count for this worker process: what the worker was given, else Slurm's
/// CPUs per task, else torch's default (every core). One value per process: trials in one process run one at a time.</summary>
public static class WorkerThreads
{
    public static int Apply(int requested)
    {
        var threads = requested > 0 ? requested
            : int.TryParse(Environment.GetEnvironmentVariable("SLURM_CPUS_PER_TASK"), out var slurm) && slurm > 0 ? slurm : 0;
        if (threads > 0) torch.set_num_threads(threads);
        return torch.get_num_threads();
    }
}
