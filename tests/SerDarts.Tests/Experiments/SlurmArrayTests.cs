using System.Diagnostics;
using SerDarts.Experiments.Cluster;

namespace SerDarts.Tests.Experiments;

/// <summary>The sbatch script of a worker array, and the worker command line it runs.</summary>
public class SlurmArrayTests
{
    private static readonly WorkerCommandLine Worker = new("/shared/serdarts/SerDarts.Cli",
        ["worker", "--store", "Host=db;Database=serdarts;Username=ser", "--runs", "/shared/runs with space", "--suite", "paper", "--preset", "smoke"]);

    [Fact]
    public void Script_runs_one_worker_per_array_task_on_its_gpu_and_asks_for_a_signal_before_the_time_limit()
    {
        var script = new SlurmArray("paper@smoke", 3, Worker, "/shared/runs/slurm", "/home/me/serdarts")
            { Partition = "gpu", GpusPerTask = 1, CpusPerTask = 4, Time = "2-00:00:00" }.Render();

        var directives = script.Split('\n').Where(l => l.StartsWith("#SBATCH ")).Select(l => l["#SBATCH ".Length..]).ToList();
        Assert.Equal(["--job-name=serdarts-paper_smoke", "--array=0-2", "--ntasks=1", "--cpus-per-task=4", "--gres=gpu:1", "--partition=gpu",
            "--time=2-00:00:00", "--output=/shared/runs/slurm/%x-%A_%a.out", "--chdir=/home/me/serdarts", "--signal=B:TERM@120"], directives);
        Assert.EndsWith("exec /shared/serdarts/SerDarts.Cli worker --store 'Host=db;Database=serdarts;Username=ser' --runs '/shared/runs with space' --suite paper --preset smoke\n", script);
    }

    [Fact]
    public void Cpu_only_script_asks_for_no_gpu_and_is_valid_bash()
    {
        var script = new SlurmArray("it's", 1, Worker, "/tmp/logs", "/tmp") { GpusPerTask = 0 }.Render();

        Assert.DoesNotContain("--gres", script);
        Assert.Contains("--array=0-0", script);
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("job.sbatch"), script);
        using var bash = Process.Start(new ProcessStartInfo("bash", ["-n", folder.File("job.sbatch")]) { RedirectStandardError = true })!;
        var errors = bash.StandardError.ReadToEnd();
        bash.WaitForExit();
        Assert.True(bash.ExitCode == 0, errors);
    }

    [Theory]
    [InlineData("plain-word_1.5", "plain-word_1.5")]
    [InlineData("a b", "'a b'")]
    [InlineData("it's", "'it'\\''s'")]
    [InlineData("Host=h;Database=d", "'Host=h;Database=d'")]
    [InlineData("$HOME", "'$HOME'")]
    [InlineData("", "''")]
    public void Words_are_quoted_for_bash(string word, string quoted) => Assert.Equal(quoted, WorkerCommandLine.Quote(word));

    [Fact]
    public void Zero_workers_is_a_clear_error() =>
        Assert.Contains("at least one worker", Assert.Throws<ArgumentException>(() => new SlurmArray("s", 0, Worker, "/l", "/w").Render()).Message);
}
