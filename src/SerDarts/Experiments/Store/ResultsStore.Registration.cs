namespace SerDarts.Experiments;

public sealed partial class ResultsStore
{
    /// <summary>Records a suite's variants (name, factor, level, order, spec) so tables list every variant,
    /// including those without results yet. With <paramref name="replace"/> (suites) the stored list becomes exactly
    /// this one; without it (single specs) the variants are added to the label's list, or updated by name.</summary>
    public void RegisterVariants(string suite, IReadOnlyList<SuiteVariant> variants, bool replace = true) => Write((c, tx) =>
    {
        if (replace) Execute(c, tx, "DELETE FROM variants WHERE suite = $suite;", ("$suite", suite));
        var now = Now();
        foreach (var v in variants)
        {
            UpsertSpec(c, tx, v.Spec, v.SpecHash);
            var ordinal = replace ? v.Ordinal : Convert.ToInt32(ScalarIn(c, tx,
                "SELECT COALESCE((SELECT ordinal FROM variants WHERE suite = $suite AND variant = $variant), (SELECT COALESCE(MAX(ordinal) + 1, 0) FROM variants WHERE suite = $suite));",
                ("$suite", suite), ("$variant", v.Name)), System.Globalization.CultureInfo.InvariantCulture);
            Execute(c, tx, """
                INSERT OR REPLACE INTO variants (suite, variant, factor, level, ordinal, spec_hash, registered_utc)
                VALUES ($suite, $variant, $factor, $level, $ordinal, $hash, $now);
                """,
                ("$suite", suite), ("$variant", v.Name), ("$factor", v.Factor), ("$level", v.Level),
                ("$ordinal", ordinal), ("$hash", v.SpecHash), ("$now", now));
        }
        return 0;
    });

    internal static void UpsertSpec(Microsoft.Data.Sqlite.SqliteConnection c, Microsoft.Data.Sqlite.SqliteTransaction tx, ExperimentSpec spec, string hash) =>
        Execute(c, tx, "INSERT OR IGNORE INTO specs (spec_hash, model, spec_json) VALUES ($hash, $model, $json);",
            ("$hash", hash), ("$model", spec.Model), ("$json", spec.ToJson(indented: false)));

    /// <summary>Records the start of one runner invocation.</summary>
    public void BeginRun(string runId, string suite, TrialOwner owner, int planned) => Write((c, tx) =>
        Execute(c, tx, """
            INSERT INTO runs (run_id, suite, host, pid, started_utc, status, planned)
            VALUES ($id, $suite, $host, $pid, $now, 'running', $planned);
            """,
            ("$id", runId), ("$suite", suite), ("$host", owner.Host), ("$pid", owner.ProcessId), ("$now", Now()), ("$planned", planned)));

    /// <summary>Records how a runner invocation ended.</summary>
    public void EndRun(string runId, RunSummary summary, string status) => Write((c, tx) =>
        Execute(c, tx, """
            UPDATE runs SET ended_utc = $now, status = $status, executed = $executed, skipped = $skipped, busy = $busy, failed = $failed
            WHERE run_id = $id;
            """,
            ("$id", runId), ("$now", Now()), ("$status", status), ("$executed", summary.Executed),
            ("$skipped", summary.Skipped), ("$busy", summary.Busy), ("$failed", summary.Failed)));
}
