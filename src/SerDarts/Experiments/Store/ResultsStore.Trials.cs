using System.Globalization;
using Microsoft.Data.Sqlite;

namespace SerDarts.Experiments;

public sealed partial class ResultsStore
{
    /// <summary>
    /// Claims a trial for <paramref name="owner"/> in one transaction: a completed trial is reported as such; a
    /// trial started by another owner that is alive (a live process on this host, or a fresh heartbeat from
    /// another host) is busy; anything else (new, failed, interrupted, or started by a dead owner) is claimed.
    /// </summary>
    public TrialClaim TryClaim(TrialSpec trial, string runDirectory, TrialOwner owner, TimeSpan staleAfter, string? runId = null) =>
        Write((c, tx) =>
        {
            UpsertSpec(c, tx, trial.Spec, trial.SpecHash);
            var existing = ReadHolder(c, tx, trial);
            if (existing is null) return Insert(c, tx, trial, runDirectory, owner, runId);
            var (id, status, attempts) = (existing.TrialId, existing.Status, existing.Attempts);
            if (status == "completed") return new TrialClaim(ClaimStatus.Completed, id, attempts, false, status);
            if (status == "started" && existing.Token != owner.Token && HeldByLiveOwner(existing, owner, staleAfter))
                return new TrialClaim(ClaimStatus.Busy, id, attempts, false, status);
            Execute(c, tx, """
                UPDATE trials SET status = 'started', attempts = attempts + 1, run_dir = $dir, run_id = $run,
                    owner_host = $host, owner_pid = $pid, owner_token = $token, heartbeat_utc = $now,
                    started_utc = $now, ended_utc = NULL, error = NULL
                WHERE trial_id = $id;
                """, OwnerParameters(owner, runDirectory, runId, ("$id", id)));
            return new TrialClaim(ClaimStatus.Claimed, id, attempts + 1, true, status);
        });

    private sealed record Holder(long TrialId, string Status, int Attempts, string Host, int ProcessId, string Token, DateTime Heartbeat);

    private static Holder? ReadHolder(SqliteConnection c, SqliteTransaction tx, TrialSpec trial)
    {
        using var read = Command(c, tx, """
            SELECT trial_id, status, attempts, owner_host, owner_pid, owner_token, heartbeat_utc
            FROM trials WHERE spec_hash = $hash AND fold = $fold AND seed = $seed;
            """, ("$hash", trial.SpecHash), ("$fold", trial.Fold), ("$seed", trial.Seed));
        using var row = read.ExecuteReader();
        if (!row.Read()) return null;
        return new Holder(row.GetInt64(0), row.GetString(1), row.GetInt32(2), row.GetString(3), row.GetInt32(4),
            row.GetString(5), Parse(row.GetString(6)));
    }

    private static TrialClaim Insert(SqliteConnection c, SqliteTransaction tx, TrialSpec trial, string runDirectory, TrialOwner owner, string? runId)
    {
        var id = (long)ScalarIn(c, tx, """
            INSERT INTO trials (spec_hash, fold, seed, status, attempts, run_dir, run_id, owner_host, owner_pid, owner_token, heartbeat_utc, started_utc)
            VALUES ($hash, $fold, $seed, 'started', 1, $dir, $run, $host, $pid, $token, $now, $now)
            RETURNING trial_id;
            """, OwnerParameters(owner, runDirectory, runId, ("$hash", trial.SpecHash), ("$fold", trial.Fold), ("$seed", trial.Seed)))!;
        return new TrialClaim(ClaimStatus.Claimed, id, 1, false, null);
    }

    private static (string, object?)[] OwnerParameters(TrialOwner owner, string runDirectory, string? runId, params (string, object?)[] more) =>
        [("$dir", runDirectory), ("$run", runId), ("$host", owner.Host), ("$pid", owner.ProcessId), ("$token", owner.Token), ("$now", Now()), .. more];

    private static bool HeldByLiveOwner(Holder holder, TrialOwner me, TimeSpan staleAfter)
    {
        if (DateTime.UtcNow - holder.Heartbeat > staleAfter) return false;
        return holder.Host != me.Host || TrialOwner.ProcessIsAlive(holder.ProcessId);
    }

    private static DateTime Parse(string utc) =>
        DateTime.Parse(utc, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    /// <summary>Tells other runners that the owner is still working on the trial.</summary>
    public void Heartbeat(long trialId, TrialOwner owner) => Write((c, tx) =>
        Execute(c, tx, "UPDATE trials SET heartbeat_utc = $now WHERE trial_id = $id AND owner_token = $token AND status = 'started';",
            ("$now", Now()), ("$id", trialId), ("$token", owner.Token)));

    /// <summary>Marks a trial failed (it is retried by the next run).</summary>
    public void Fail(long trialId, TrialOwner owner, string error) => Release(trialId, owner, "failed", error);

    /// <summary>Marks a trial interrupted (cancelled; resumed by the next run).</summary>
    public void Interrupt(long trialId, TrialOwner owner) => Release(trialId, owner, "interrupted", "cancelled");

    private void Release(long trialId, TrialOwner owner, string status, string error) => Write((c, tx) =>
        Execute(c, tx, """
            UPDATE trials SET status = $status, error = $error, ended_utc = $now
            WHERE trial_id = $id AND owner_token = $token AND status = 'started';
            """, ("$status", status), ("$error", error), ("$now", Now()), ("$id", trialId), ("$token", owner.Token)));
}
