using SerDarts.Experiments.Execution;
using SerDarts.Experiments.Suites;
using SerDarts.Runtime;

namespace SerDarts.Cli.Commands;

/// <summary>What run, ablate or worker asks for: the label trials are stored under, the variants, how to register
/// them, and the same selection as <c>serdarts worker</c> arguments (for worker processes and Slurm tasks).</summary>
internal sealed record WorkSelection(string Label, IReadOnlyList<SuiteVariant> Variants, Func<ExperimentRunner, TrialPlan> Plan,
    IReadOnlyList<string> WorkerArguments)
{
    /// <summary>Where and how this process runs (a suite's variants share the base spec's execution settings).</summary>
    public ExecutionSettings Execution => Variants[0].Spec.Execution;
}
