using SerDarts.Experiments.Outcomes;
using SerDarts.Experiments.Specs;
using SerDarts.Experiments.Store;
using SerDarts.Runtime;

namespace SerDarts.Experiments.Execution;

/// <summary>How a claimed trial ended (cancellation of the whole run propagates as an exception instead).</summary>
internal enum TrialEnd
{
    Completed,
    Failed,

    /// <summary>Another worker took the trial over after this one's lease expired: nothing was stored.</summary>
    LeaseLost,
}

internal sealed record TrialResult(TrialEnd End, TrialOutcome? Outcome = null, string? Error = null);

/// <summary>Executes one claimed trial: renews its lease while the executor works, validates the outcome, and
/// stores it with its provenance, or marks the trial failed or interrupted. If the lease is lost, the trial is
/// stopped (at the executor's next cancellation check) and nothing is written: the new holder finishes it.</summary>
internal sealed class TrialExecution(ResultsStore store, ITrialExecutor executor, TrialOwner owner, RunnerOptions options, string? gitCommit)
{
    public TrialResult Run(TrialSpec trial, long trialId, string runDirectory, IProgress<TrialEvent> progress, CancellationToken ct)
    {
        var started = DateTime.UtcNow;
        TrialOutcome outcome;
        using var leaseLost = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var timer = new Timer(_ => Renew(trialId, leaseLost), null, options.HeartbeatInterval, options.HeartbeatInterval);
        try
        {
            outcome = executor.Execute(trial, runDirectory, progress, leaseLost.Token);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            Stop(timer);
            Release(() => store.Interrupt(trialId, owner)); // if even that fails, the lease runs out instead
            throw;
        }
        catch (OperationCanceledException) when (leaseLost.IsCancellationRequested)
        {
            Stop(timer);
            return new TrialResult(TrialEnd.LeaseLost, Error: "lease lost: another worker took the trial over");
        }
        catch (Exception e) // any executor failure is recorded against the trial; the next worker or run retries it
        {
            Stop(timer);
            return Failed(trialId, $"{e.GetType().Name}: {e.Message}\n{e}");
        }
        Stop(timer);
        var errors = TrialOutcomeValidation.Errors(trial, outcome);
        if (errors.Count > 0) return Failed(trialId, "invalid outcome: " + string.Join("; ", errors));
        bool stored;
        try { stored = store.Complete(trialId, owner, outcome, Provenance(trial, outcome, started)); }
        catch (Exception e) when (e is System.Data.Common.DbException or IOException)
        {
            // The outcome could not be written (a full disk, a lost database): the transaction rolled back. Mark the
            // trial failed, which needs far less room than the outcome, so it is retried rather than left started.
            Release(() => store.Fail(trialId, owner, $"could not store the outcome: {e.Message}"));
            throw;
        }
        return stored
            ? new TrialResult(TrialEnd.Completed, outcome)
            : new TrialResult(TrialEnd.LeaseLost, Error: "lease lost: another worker took the trial over before it was stored");
    }

    /// <summary>Releases a claim on the way out of a failure; a store that cannot take even that leaves the trial
    /// to its lease (it expires, or this host sees the process gone), so the original error is the one reported.</summary>
    private void Release(Action release)
    {
        try { store.RecordEnd(release); }
        catch (Exception e) when (e is System.Data.Common.DbException or IOException) { }
    }

    private TrialProvenance Provenance(TrialSpec trial, TrialOutcome outcome, DateTime started) => new(
        trial.Spec.ToJson(indented: false), trial.SpecHash, trial.Seed, outcome.CorpusManifestHash, LibraryInfo.Version,
        gitCommit, outcome.Device, owner.Host, started, DateTime.UtcNow);

    private TrialResult Failed(long trialId, string error)
    {
        store.Fail(trialId, owner, error);
        return new TrialResult(TrialEnd.Failed, Error: error);
    }

    private void Renew(long trialId, CancellationTokenSource leaseLost)
    {
        try
        {
            if (!store.Renew(trialId, owner, options.Lease)) leaseLost.Cancel();
        }
        catch (Exception) { } // a missed renewal is harmless (the lease outlives several); an exception on a timer thread would end the process
    }

    /// <summary>Stops the heartbeat and waits for a renewal in flight, so none runs after the trial is stored or released.</summary>
    private static void Stop(Timer timer)
    {
        using var stopped = new ManualResetEvent(false);
        if (timer.Dispose(stopped)) stopped.WaitOne();
    }
}
