using SerDarts.Runtime;

namespace SerDarts.Experiments;

/// <summary>
/// Runs suites and specs: every variant x fold x seed is a trial, claimed in the results store, executed by the
/// <see cref="ITrialExecutor"/> in its own run directory, and stored with its provenance. Completed trials are
/// skipped, so re-running a finished suite does nothing; a trial left started by a killed runner is re-run
/// (resuming from whatever the executor checkpointed in its run directory); trials that another live runner
/// holds are left to it, so several runners may share one suite and one store.
/// </summary>
public sealed class ExperimentRunner(ResultsStore store, ITrialExecutor executor, RunnerOptions? options = null)
{
    private readonly ResultsStore _store = store;
    private readonly ITrialExecutor _executor = executor;
    private readonly RunnerOptions _options = options ?? new RunnerOptions();
    private readonly TrialOwner _owner = options?.Owner ?? TrialOwner.ForThisProcess();

    /// <summary>Runs one spec. It is stored under its name as a variant "name@hash" (the first 8 hex digits of its
    /// spec hash), added to that label's earlier variants, so differing specs that share a name stay apart.</summary>
    public RunSummary RunSpec(ExperimentSpec spec, IProgress<RunnerEvent>? progress = null, CancellationToken cancellationToken = default)
    {
        var hash = spec.EnsureValid(spec.Name).Hash()[..8];
        return Run(spec.Name, [new SuiteVariant($"{spec.Name}@{hash}", "spec", hash, 0, spec)], replace: false, progress, cancellationToken);
    }

    /// <summary>Registers the variants under <paramref name="suiteLabel"/> (replacing its earlier list), then runs
    /// every trial not yet completed.</summary>
    public RunSummary RunSuite(string suiteLabel, IReadOnlyList<SuiteVariant> variants, IProgress<RunnerEvent>? progress = null,
        CancellationToken cancellationToken = default) =>
        Run(suiteLabel, variants, replace: true, progress, cancellationToken);

    private RunSummary Run(string suiteLabel, IReadOnlyList<SuiteVariant> variants, bool replace, IProgress<RunnerEvent>? progress,
        CancellationToken cancellationToken)
    {
        var trials = TrialPlanner.Plan(variants, _executor.CountFolds);
        _store.RegisterVariants(suiteLabel, variants, replace);
        var runId = Guid.NewGuid().ToString("N");
        _store.BeginRun(runId, suiteLabel, _owner, trials.Count);
        progress?.Report(new RunnerEvent(RunnerEventKind.Planned, 0, trials.Count, Message: suiteLabel));
        var run = new TrialRun(this, runId, trials.Count, _options.GitCommit ?? GitInfo.TryGetCommit(), progress);
        var status = "cancelled";
        try
        {
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, _options.MaxParallelTrials), CancellationToken = cancellationToken };
            Parallel.ForEach(trials.Select((t, i) => (t, i)), parallel, (item, state) =>
            {
                if (!run.Execute(item.t, item.i, cancellationToken) && _options.StopOnFailure) state.Stop();
            });
            status = run.Summary().Failed > 0 ? "failed" : "completed";
            return run.Summary();
        }
        catch (AggregateException e) when (e.InnerExceptions.All(x => x is OperationCanceledException))
        {
            throw new OperationCanceledException("the run was cancelled", e, cancellationToken);
        }
        catch (AggregateException e) when (e.InnerExceptions.Count == 1)
        {
            // One trial's infrastructure failure (the store, the file system): surface it as itself.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
            throw;
        }
        finally
        {
            _store.EndRun(runId, run.Summary(), status);
        }
    }

    /// <summary>The state of one invocation: counters, failures, and the work for one trial.</summary>
    private sealed class TrialRun(ExperimentRunner runner, string runId, int count, string? gitCommit, IProgress<RunnerEvent>? progress)
    {
        private int _executed, _skipped, _busy;
        private readonly List<TrialFailure> _failures = [];

        public RunSummary Summary()
        {
            lock (_failures) return new RunSummary(count, _executed, _skipped, _busy, _failures.Count, _failures.ToList());
        }

        /// <summary>Returns false when the trial failed.</summary>
        public bool Execute(TrialSpec trial, int index, CancellationToken ct)
        {
            ct.ThrowIfCancellationRequested();
            var options = runner._options;
            var runDirectory = Path.GetFullPath(trial.RunDirectory(options.RunsFolder));
            var claim = runner._store.TryClaim(trial, runDirectory, runner._owner, options.StaleAfter, runId);
            if (claim.Status != ClaimStatus.Claimed)
            {
                var skipped = claim.Status == ClaimStatus.Completed;
                Interlocked.Increment(ref skipped ? ref _skipped : ref _busy);
                Report(skipped ? RunnerEventKind.TrialSkipped : RunnerEventKind.TrialBusy, index, trial);
                return true;
            }
            Directory.CreateDirectory(runDirectory);
            AtomicFile.WriteAllText(Path.Combine(runDirectory, "spec.json"), trial.Spec.ToJson() + "\n");
            progress?.Report(new RunnerEvent(RunnerEventKind.TrialStarted, index, count, trial, Resumed: claim.Resumed));
            var error = new TrialExecution(runner._store, runner._executor, runner._owner, options.HeartbeatInterval, gitCommit)
                .Run(trial, claim.TrialId, runDirectory, new SyncProgress<TrialEvent>(e => progress?.Report(new RunnerEvent(RunnerEventKind.TrialProgress, index, count, trial, e))), ct, out var outcome);
            if (error is null)
            {
                Interlocked.Increment(ref _executed);
                progress?.Report(new RunnerEvent(RunnerEventKind.TrialCompleted, index, count, trial, Outcome: outcome));
                return true;
            }
            lock (_failures) _failures.Add(new TrialFailure(trial, error));
            Report(RunnerEventKind.TrialFailed, index, trial, error);
            return false;
        }

        private void Report(RunnerEventKind kind, int index, TrialSpec trial, string? message = null) =>
            progress?.Report(new RunnerEvent(kind, index, count, trial, Message: message));
    }
}
