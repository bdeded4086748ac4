using SerDarts.Experiments.Outcomes;
using SerDarts.Experiments.Specs;
using SerDarts.Experiments.Store;
using SerDarts.Experiments.Suites;

namespace SerDarts.Experiments.Execution;

/// <summary>
/// Runs suites and specs: every variant x fold x seed is a trial, registered in the results store, then claimed,
/// executed by the <see cref="ITrialExecutor"/> in its own run directory and stored with its provenance by a
/// <see cref="TrialWorker"/> in this process. Completed trials are skipped, so re-running a finished suite does
/// nothing; a trial left by a killed or preempted worker is re-run (resuming from what the executor checkpointed
/// in its run directory); trials another live worker holds are left to it, so any number of workers (threads,
/// processes, machines) may share one suite and one store. Trials that run at the same time run in separate
/// processes (<c>serdarts worker</c>, <c>--parallel N</c>, Slurm array tasks): torch's seed and thread count are
/// per process.
/// </summary>
public sealed class ExperimentRunner(ResultsStore store, ITrialExecutor executor, RunnerOptions? options = null)
{
    private readonly RunnerOptions _options = (options ?? new RunnerOptions()).Validated();
    private readonly TrialOwner _owner = options?.Owner ?? TrialOwner.ForThisProcess();

    /// <summary>Runs one spec. It is stored under its name as a variant "name@hash" (the first 8 hex digits of its
    /// spec hash), added to that label's earlier variants, so differing specs that share a name stay apart.</summary>
    public RunSummary RunSpec(ExperimentSpec spec, IProgress<RunnerEvent>? progress = null, CancellationToken cancellationToken = default) =>
        Run(PlanSpec(spec), progress, cancellationToken);

    /// <summary>Registers the variants under <paramref name="suiteLabel"/> (replacing its earlier list), then runs
    /// every trial not yet completed.</summary>
    public RunSummary RunSuite(string suiteLabel, IReadOnlyList<SuiteVariant> variants, IProgress<RunnerEvent>? progress = null,
        CancellationToken cancellationToken = default) =>
        Run(PlanSuite(suiteLabel, variants), progress, cancellationToken);

    /// <summary>Registers a spec's variant and trials (idempotent) without running them.</summary>
    public TrialPlan PlanSpec(ExperimentSpec spec)
    {
        var hash = spec.EnsureValid(spec.Name).Hash()[..8];
        return Register(spec.Name, [new SuiteVariant($"{spec.Name}@{hash}", "spec", hash, 0, spec)], replace: false);
    }

    /// <summary>Registers a suite's variants and trials (idempotent) without running them.</summary>
    public TrialPlan PlanSuite(string suiteLabel, IReadOnlyList<SuiteVariant> variants) => Register(suiteLabel, variants, replace: true);

    /// <summary>Claims and runs the plan's trials in this process until none is left to claim.</summary>
    public RunSummary Run(TrialPlan plan, IProgress<RunnerEvent>? progress = null, CancellationToken cancellationToken = default)
    {
        var runId = Guid.NewGuid().ToString("N");
        store.BeginRun(runId, plan.Label, _owner, plan.Trials.Count);
        progress?.Report(new RunnerEvent(RunnerEventKind.Planned, 0, plan.Trials.Count, Message: plan.Label));
        RunSummary summary;
        try
        {
            summary = new TrialWorker(store, executor, _options, _owner, runId, _options.GitCommit ?? GitInfo.TryGetCommit(), progress)
                .Run(plan, cancellationToken);
        }
        catch (Exception e)
        {
            // Closing the run's record is best effort here: the error that stopped the run (a full disk, a signal)
            // is the one to report, not a second one from the store.
            try { store.RecordEnd(() => store.EndRun(runId, new RunSummary(plan.Trials.Count, 0, 0, 0, 0, []), e is OperationCanceledException ? "cancelled" : "failed")); }
            catch (Exception end) when (end is System.Data.Common.DbException or IOException) { }
            throw;
        }
        store.EndRun(runId, summary, summary.Failed > 0 ? "failed" : "completed");
        return summary;
    }

    private TrialPlan Register(string label, IReadOnlyList<SuiteVariant> variants, bool replace)
    {
        var trials = TrialPlanner.Plan(variants, executor.CountFolds);
        store.RegisterVariants(label, variants, replace);
        return new TrialPlan(label, trials, store.RegisterTrials(trials, _options.RunsFolder));
    }
}
