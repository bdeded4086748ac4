using System.Data.Common;
using System.Globalization;
using SerDarts.Experiments.Specs;

namespace SerDarts.Experiments.Store;

/// <summary>
/// Claims and leases. A worker claims a trial in one write-locked transaction and holds it under a lease that it
/// renews while the trial runs (<see cref="Renew"/>). A trial is claimable when it is queued, failed or interrupted,
/// or started by an owner that is gone: its lease expired, or it was a process on this host that no longer runs.
/// Only the holder can complete, fail or release a trial, so a trial never completes twice.
/// </summary>
public sealed partial class ResultsStore
{
    /// <summary>Claims one trial (registering it if new): reports it completed, busy (held by a live owner), or
    /// claims it for <paramref name="owner"/> under a lease of <paramref name="lease"/>.</summary>
    public TrialClaim TryClaim(TrialSpec trial, string runDirectory, TrialOwner owner, TimeSpan lease, string? runId = null) =>
        Write((c, tx) =>
        {
            UpsertSpec(c, tx, trial.Spec, trial.SpecHash);
            var existing = Holders(c, tx, "trial_id = @id", ("@id", Register(c, tx, trial, runDirectory))).Single();
            var state = existing.StateFor(owner);
            return state == ClaimStatus.Claimed
                ? Take(c, tx, existing, runDirectory, owner, lease, runId)
                : new TrialClaim(state, existing.TrialId, existing.Attempts, false, existing.Status);
        });

    /// <summary>Claims the first claimable trial of <paramref name="trialIds"/> (in that order), skipping
    /// <paramref name="skip"/> (trials that failed in this worker). Reports how the others stand, so a worker
    /// knows whether to wait for trials other workers hold.</summary>
    public NextTrial ClaimNext(IReadOnlyList<long> trialIds, TrialOwner owner, TimeSpan lease, Func<long, string> runDirectory,
        IReadOnlySet<long>? skip = null, string? runId = null) => Write((c, tx) =>
    {
        var rows = Holders(c, tx, $"trial_id IN ({IdList(trialIds)})").ToDictionary(h => h.TrialId);
        var missing = trialIds.Where(id => !rows.ContainsKey(id)).ToList();
        if (missing.Count > 0) throw new InvalidOperationException($"trials {string.Join(", ", missing)} are not in the results store '{Path}'");
        var states = trialIds.Select(id => (Id: id, State: rows[id].StateFor(owner))).ToList();
        var next = states.FindIndex(s => s.State == ClaimStatus.Claimed && skip?.Contains(s.Id) != true);
        var claim = next < 0 ? null : Take(c, tx, rows[states[next].Id], runDirectory(states[next].Id), owner, lease, runId);
        return new NextTrial(claim,
            states.Where(s => s.State == ClaimStatus.Completed).Select(s => s.Id).ToList(),
            states.Where(s => s.State == ClaimStatus.Busy).Select(s => s.Id).ToList());
    });

    /// <summary>Renews the owner's lease on a started trial; false when the owner no longer holds it (another worker
    /// took it over after the lease expired): the owner must then stop the trial and store nothing.</summary>
    public bool Renew(long trialId, TrialOwner owner, TimeSpan lease) => Write((c, tx) =>
    {
        var now = DateTime.UtcNow;
        return Execute(c, tx, """
            UPDATE trials SET heartbeat_utc = @now, lease_expires_utc = @lease
            WHERE trial_id = @id AND owner_token = @token AND status = 'started';
            """, ("@now", Utc(now)), ("@lease", Utc(now + lease)), ("@id", trialId), ("@token", owner.Token)) == 1;
    });

    /// <summary>Marks a trial failed (the next worker or run retries it).</summary>
    public void Fail(long trialId, TrialOwner owner, string error) => Release(trialId, owner, "failed", error);

    /// <summary>Marks a trial interrupted (cancelled; the next worker or run resumes it from its checkpoints).</summary>
    public void Interrupt(long trialId, TrialOwner owner) => Release(trialId, owner, "interrupted", "cancelled");

    private void Release(long trialId, TrialOwner owner, string status, string error) => Write((c, tx) =>
        Execute(c, tx, """
            UPDATE trials SET status = @status, error = @error, ended_utc = @now, lease_expires_utc = NULL
            WHERE trial_id = @id AND owner_token = @token AND status = 'started';
            """, ("@status", status), ("@error", error), ("@now", Now()), ("@id", trialId), ("@token", owner.Token)));

    /// <summary>How many trials are done, running, queued (waiting for a worker: new, interrupted, or held under an
    /// expired lease) and failed; of <paramref name="trialIds"/>, or of every trial.</summary>
    public TrialCounts ReadTrialCounts(IReadOnlyList<long>? trialIds = null) => Read(c =>
    {
        var now = DateTime.UtcNow;
        var rows = Query(c, null, "SELECT status, lease_expires_utc FROM trials" + (trialIds is null ? ";" : $" WHERE trial_id IN ({IdList(trialIds)});"),
            r => (Status: r.GetString(0), Live: !r.IsDBNull(1) && Parse(r.GetString(1)) > now));
        return new TrialCounts(
            rows.Count(r => r.Status == "completed"),
            rows.Count(r => r.Status == "started" && r.Live),
            rows.Count(r => r.Status is "queued" or "interrupted" || (r.Status == "started" && !r.Live)),
            rows.Count(r => r.Status == "failed"));
    });

    /// <summary>A trial's claim state as stored.</summary>
    private sealed record Holder(long TrialId, string Status, int Attempts, string? Host, int? ProcessId, string? Token, DateTime? LeaseExpires)
    {
        public ClaimStatus StateFor(TrialOwner me) => Status switch
        {
            "completed" => ClaimStatus.Completed,
            "started" when Token != me.Token && HeldByLiveOwner(me) => ClaimStatus.Busy,
            _ => ClaimStatus.Claimed,
        };

        /// <summary>Alive: the lease runs, and the owner is on another host or a running process on this one.</summary>
        private bool HeldByLiveOwner(TrialOwner me) =>
            LeaseExpires > DateTime.UtcNow && (Host != me.Host || ProcessId is not { } pid || TrialOwner.ProcessIsAlive(pid));
    }

    private static List<Holder> Holders(DbConnection c, DbTransaction tx, string where, params (string, object?)[] parameters) =>
        Query(c, tx, $"""
            SELECT trial_id, status, attempts, owner_host, owner_pid, owner_token, lease_expires_utc FROM trials WHERE {where};
            """, r => new Holder(r.GetInt64(0), r.GetString(1), r.GetInt32(2), Text(r, 3), r.IsDBNull(4) ? null : r.GetInt32(4),
            Text(r, 5), r.IsDBNull(6) ? null : Parse(r.GetString(6))), parameters);

    private static TrialClaim Take(DbConnection c, DbTransaction tx, Holder row, string runDirectory, TrialOwner owner, TimeSpan lease, string? runId)
    {
        var now = DateTime.UtcNow;
        Execute(c, tx, """
            UPDATE trials SET status = 'started', attempts = attempts + 1, run_dir = @dir, run_id = @run,
                owner_host = @host, owner_pid = @pid, owner_token = @token, heartbeat_utc = @now, lease_expires_utc = @lease,
                started_utc = @now, ended_utc = NULL, error = NULL
            WHERE trial_id = @id;
            """, ("@dir", runDirectory), ("@run", runId), ("@host", owner.Host), ("@pid", owner.ProcessId), ("@token", owner.Token),
            ("@now", Utc(now)), ("@lease", Utc(now + lease)), ("@id", row.TrialId));
        return new TrialClaim(ClaimStatus.Claimed, row.TrialId, row.Attempts + 1, row.Attempts > 0, row.Status);
    }

    /// <summary>Trial ids inline (they are integers the store handed out): one statement for any number of them on both engines.</summary>
    private static string IdList(IReadOnlyList<long> ids) =>
        ids.Count == 0 ? "NULL" : string.Join(",", ids.Select(id => id.ToString(CultureInfo.InvariantCulture)));

    private static string Utc(DateTime time) => time.ToString("O", CultureInfo.InvariantCulture);

    private static DateTime Parse(string utc) =>
        DateTime.Parse(utc, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
