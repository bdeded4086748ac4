using SerDarts.Experiments.Outcomes;
using SerDarts.Experiments.Store;
using SerDarts.Runs;
using SerDarts.Runtime;

namespace SerDarts.Experiments.Execution;

/// <summary>
/// The one way trials run: claim the next claimable trial of a plan in the store, execute it, store it, repeat;
/// one trial at a time, so that per-process state (torch seeds, threads, heap policy) belongs to that trial. Workers
/// in other threads, processes or machines share the plan through the store alone. When nothing is claimable the
/// worker stops, or with <see cref="RunnerOptions.WaitForBusy"/> waits while other workers hold trials, and takes
/// over any whose holder releases it (preemption) or dies (its lease expires).
/// </summary>
internal sealed class TrialWorker(ResultsStore store, ITrialExecutor executor, RunnerOptions options, TrialOwner owner, string runId,
    string? gitCommit, IProgress<RunnerEvent>? progress)
{
    private readonly HashSet<long> _reported = [], _executed = [];
    private readonly Dictionary<long, TrialFailure> _failed = [];

    public RunSummary Run(TrialPlan plan, CancellationToken ct)
    {
        var index = plan.TrialIds.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        string RunDirectory(long id) => Path.GetFullPath(plan.Trials[index[id]].RunDirectory(options.RunsFolder));
        var execution = new TrialExecution(store, executor, owner, options, gitCommit);
        NextTrial next;
        var waitingFor = "";
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            next = store.ClaimNext(plan.TrialIds, owner, options.Lease, RunDirectory, _failed.Keys.ToHashSet(), runId);
            foreach (var id in next.Completed.Where(_reported.Add)) Report(RunnerEventKind.TrialSkipped, plan, index[id]);
            if (next.Claim is { } claim)
            {
                var ok = Execute(execution, plan, index[claim.TrialId], claim, RunDirectory(claim.TrialId), ct);
                if (!ok && options.StopOnFailure) break;
                continue;
            }
            if (next.Busy.Count == 0 || !options.WaitForBusy) break;
            var busy = string.Join(",", next.Busy);
            if (busy != waitingFor) // once per change, not per poll: a worker may wait for hours
                progress?.Report(new RunnerEvent(RunnerEventKind.Waiting, -1, plan.Trials.Count,
                    Message: $"waiting: {next.Busy.Count} trial(s) held by other workers"));
            waitingFor = busy;
            ct.WaitHandle.WaitOne(options.PollInterval);
        }
        foreach (var id in next.Busy) Report(RunnerEventKind.TrialBusy, plan, index[id]);
        var failures = _failed.Where(f => !next.Completed.Contains(f.Key)).Select(f => f.Value).ToList();
        return new RunSummary(plan.Trials.Count, _executed.Count, next.Completed.Count(id => !_executed.Contains(id)), next.Busy.Count,
            failures.Count, failures);
    }

    /// <summary>Returns false when the trial failed.</summary>
    private bool Execute(TrialExecution execution, TrialPlan plan, int i, TrialClaim claim, string runDirectory, CancellationToken ct)
    {
        var trial = plan.Trials[i];
        Directory.CreateDirectory(runDirectory);
        AtomicFile.WriteAllText(Path.Combine(runDirectory, "spec.json"), trial.Spec.ToJson() + "\n");
        TrialFile.Save(runDirectory, trial); // what evaluate and predict rebuild the trial's data from
        var count = plan.Trials.Count;
        progress?.Report(new RunnerEvent(RunnerEventKind.TrialStarted, i, count, trial, Resumed: claim.Resumed));
        var result = execution.Run(trial, claim.TrialId, runDirectory,
            new SyncProgress<TrialEvent>(e => progress?.Report(new RunnerEvent(RunnerEventKind.TrialProgress, i, count, trial, e))), ct);
        switch (result.End)
        {
            case TrialEnd.Completed:
                _executed.Add(claim.TrialId);
                _reported.Add(claim.TrialId);
                progress?.Report(new RunnerEvent(RunnerEventKind.TrialCompleted, i, count, trial, Outcome: result.Outcome));
                return true;
            case TrialEnd.LeaseLost:
                Report(RunnerEventKind.TrialLeaseLost, plan, i, result.Error);
                return true;
            default:
                _failed[claim.TrialId] = new TrialFailure(trial, result.Error!);
                Report(RunnerEventKind.TrialFailed, plan, i, result.Error);
                return false;
        }
    }

    private void Report(RunnerEventKind kind, TrialPlan plan, int i, string? message = null) =>
        progress?.Report(new RunnerEvent(kind, i, plan.Trials.Count, plan.Trials[i], Message: message));
}
