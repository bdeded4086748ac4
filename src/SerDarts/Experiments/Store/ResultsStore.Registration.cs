using System.Data.Common;
using SerDarts.Experiments.Outcomes;
using SerDarts.Experiments.Specs;
using SerDarts.Experiments.Suites;

namespace SerDarts.Experiments.Store;

public sealed partial class ResultsStore
{
    /// <summary>Records a suite's variants (name, factor, level, order, spec) so tables list every variant,
    /// including those without results yet. With <paramref name="replace"/> (suites) the stored list becomes exactly
    /// this one; without it (single specs) the variants are added to the label's list, or updated by name.</summary>
    public void RegisterVariants(string suite, IReadOnlyList<SuiteVariant> variants, bool replace = true) => Write((c, tx) =>
    {
        if (replace) Execute(c, tx, "DELETE FROM variants WHERE suite = @suite;", ("@suite", suite));
        var now = Now();
        foreach (var v in variants)
        {
            UpsertSpec(c, tx, v.Spec, v.SpecHash);
            var ordinal = replace ? v.Ordinal : Convert.ToInt32(ScalarIn(c, tx,
                "SELECT COALESCE((SELECT ordinal FROM variants WHERE suite = @suite AND variant = @variant), (SELECT COALESCE(MAX(ordinal) + 1, 0) FROM variants WHERE suite = @suite));",
                ("@suite", suite), ("@variant", v.Name)), System.Globalization.CultureInfo.InvariantCulture);
            Execute(c, tx, """
                INSERT INTO variants (suite, variant, factor, level, ordinal, spec_hash, registered_utc)
                VALUES (@suite, @variant, @factor, @level, @ordinal, @hash, @now)
                ON CONFLICT (suite, variant) DO UPDATE SET factor = excluded.factor, level = excluded.level, ordinal = excluded.ordinal,
                    spec_hash = excluded.spec_hash, registered_utc = excluded.registered_utc;
                """,
                ("@suite", suite), ("@variant", v.Name), ("@factor", v.Factor), ("@level", v.Level),
                ("@ordinal", ordinal), ("@hash", v.SpecHash), ("@now", now));
        }
        return 0;
    });

    internal static void UpsertSpec(DbConnection c, DbTransaction tx, ExperimentSpec spec, string hash) =>
        Execute(c, tx, "INSERT INTO specs (spec_hash, model, spec_json) VALUES (@hash, @model, @json) ON CONFLICT (spec_hash) DO NOTHING;",
            ("@hash", hash), ("@model", spec.Model), ("@json", spec.ToJson(indented: false)));

    /// <summary>Registers trials as 'queued' (those already in the store keep their state) and returns their ids in
    /// the given order. Idempotent: every worker of a suite registers it, in any order.</summary>
    public IReadOnlyList<long> RegisterTrials(IReadOnlyList<TrialSpec> trials, string runsFolder) => Write((c, tx) =>
    {
        var ids = new List<long>(trials.Count);
        foreach (var spec in trials.DistinctBy(t => t.SpecHash)) UpsertSpec(c, tx, spec.Spec, spec.SpecHash);
        foreach (var trial in trials) ids.Add(Register(c, tx, trial, System.IO.Path.GetFullPath(trial.RunDirectory(runsFolder))));
        return ids;
    });

    /// <summary>Adds a trial as 'queued' unless it is in the store already; returns its id.</summary>
    private static long Register(DbConnection c, DbTransaction tx, TrialSpec trial, string runDirectory)
    {
        var key = new[] { ("@hash", (object?)trial.SpecHash), ("@fold", trial.Fold), ("@seed", trial.Seed) };
        Execute(c, tx, """
            INSERT INTO trials (spec_hash, fold, seed, status, attempts, run_dir) VALUES (@hash, @fold, @seed, 'queued', 0, @dir)
            ON CONFLICT (spec_hash, fold, seed) DO NOTHING;
            """, [.. key, ("@dir", runDirectory)]);
        return Convert.ToInt64(ScalarIn(c, tx, "SELECT trial_id FROM trials WHERE spec_hash = @hash AND fold = @fold AND seed = @seed;", key),
            System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Records the start of one runner invocation.</summary>
    public void BeginRun(string runId, string suite, TrialOwner owner, int planned) => Write((c, tx) =>
        Execute(c, tx, """
            INSERT INTO runs (run_id, suite, host, pid, started_utc, status, planned)
            VALUES (@id, @suite, @host, @pid, @now, 'running', @planned);
            """,
            ("@id", runId), ("@suite", suite), ("@host", owner.Host), ("@pid", owner.ProcessId), ("@now", Now()), ("@planned", planned)));

    /// <summary>Records how a runner invocation ended.</summary>
    public void EndRun(string runId, RunSummary summary, string status) => Write((c, tx) =>
        Execute(c, tx, """
            UPDATE runs SET ended_utc = @now, status = @status, executed = @executed, skipped = @skipped, busy = @busy, failed = @failed
            WHERE run_id = @id;
            """,
            ("@id", runId), ("@now", Now()), ("@status", status), ("@executed", summary.Executed),
            ("@skipped", summary.Skipped), ("@busy", summary.Busy), ("@failed", summary.Failed)));
}
