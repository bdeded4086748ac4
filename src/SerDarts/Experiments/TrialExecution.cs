using SerDarts.Runtime;

namespace SerDarts.Experiments;

/// <summary>Executes one claimed trial: keeps its heartbeat while the executor works, validates the outcome,
/// and stores it with its provenance, or marks the trial failed or interrupted.</summary>
internal sealed class TrialExecution(ResultsStore store, ITrialExecutor executor, TrialOwner owner, TimeSpan heartbeatInterval, string? gitCommit)
{
    /// <summary>Returns null on success, else the error recorded for the trial. Cancellation propagates.</summary>
    public string? Run(TrialSpec trial, long trialId, string runDirectory, IProgress<TrialEvent> progress, CancellationToken ct, out TrialOutcome? outcome)
    {
        outcome = null;
        var started = DateTime.UtcNow;
        try
        {
            using (new Timer(_ => Heartbeat(trialId), null, heartbeatInterval, heartbeatInterval))
                outcome = executor.Execute(trial, runDirectory, progress, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            store.Interrupt(trialId, owner);
            throw;
        }
        catch (Exception e) // any executor failure is recorded against the trial; the next run retries it
        {
            return Failed(trialId, $"{e.GetType().Name}: {e.Message}\n{e}");
        }
        var errors = TrialOutcomeValidation.Errors(trial, outcome);
        if (errors.Count > 0) return Failed(trialId, "invalid outcome: " + string.Join("; ", errors));
        store.Complete(trialId, outcome, Provenance(trial, outcome, started));
        return null;
    }

    private TrialProvenance Provenance(TrialSpec trial, TrialOutcome outcome, DateTime started) => new(
        trial.Spec.ToJson(indented: false), trial.SpecHash, trial.Seed, outcome.CorpusManifestHash, LibraryInfo.Version,
        gitCommit, outcome.Device, owner.Host, started, DateTime.UtcNow);

    private string Failed(long trialId, string error)
    {
        store.Fail(trialId, owner, error);
        return error;
    }

    private void Heartbeat(long trialId)
    {
        try { store.Heartbeat(trialId, owner); }
        catch (Exception) { } // a missed heartbeat is harmless; an exception on a timer thread would end the process
    }
}
