namespace SerDarts.Experiments.Store;

/// <summary>
/// The results store's tables, the same on SQLite and PostgreSQL. Fractions (UA, WA, macro-F1) are stored in
/// [0, 1]; times are ISO 8601 UTC text. <c>{id}</c> and <c>{text}</c> are filled in per engine: PostgreSQL gets an
/// identity column and the "C" collation, so text sorts by code point as in SQLite and both return rows in one order.
/// </summary>
internal static class StoreSchema
{
    /// <summary>Tables added since without a version bump (created on open when missing): search_repeats (search.repeats).
    /// 3: trials have a lease and the status 'queued' (registered, not yet claimed), per-clip predictions and
    /// skipped files are kept; a schema-2 SQLite store is upgraded in place. 2: search diagnostics and per-epoch test
    /// scores; 1 stores are refused (their trials were run under spec schema 1 and cannot be compared with v2 hashes).</summary>
    public const int Version = 3;

    /// <summary>The oldest schema a store is upgraded from; older ones are refused.</summary>
    public const int OldestUpgradable = 2;

    /// <summary>Trials: a registered trial is 'queued'; a claimed one 'started' with an owner and a lease its worker
    /// renews; then 'completed', 'failed' or 'interrupted' (both claimed again by the next worker, which resumes from the checkpoints).</summary>
    public static string Trials(string table, string id, string text) => $"""
        CREATE TABLE IF NOT EXISTS {table} (
            trial_id {id},
            spec_hash {text} NOT NULL REFERENCES specs(spec_hash), fold INTEGER NOT NULL, seed INTEGER NOT NULL,
            status {text} NOT NULL CHECK (status IN ('queued', 'started', 'completed', 'failed', 'interrupted')),
            attempts INTEGER NOT NULL, run_dir {text} NOT NULL, run_id {text},
            owner_host {text}, owner_pid INTEGER, owner_token {text}, heartbeat_utc {text}, lease_expires_utc {text},
            started_utc {text}, ended_utc {text}, error {text},
            UNIQUE (spec_hash, fold, seed));
        """;

    public static string Ddl(string id, string text) => $"""
        CREATE TABLE IF NOT EXISTS specs (
            spec_hash {text} PRIMARY KEY,
            model {text} NOT NULL,
            spec_json {text} NOT NULL);
        CREATE TABLE IF NOT EXISTS variants (
            suite {text} NOT NULL, variant {text} NOT NULL, factor {text} NOT NULL, level {text} NOT NULL,
            ordinal INTEGER NOT NULL, spec_hash {text} NOT NULL REFERENCES specs(spec_hash),
            registered_utc {text} NOT NULL,
            PRIMARY KEY (suite, variant));
        CREATE TABLE IF NOT EXISTS runs (
            run_id {text} PRIMARY KEY, suite {text} NOT NULL, host {text} NOT NULL, pid INTEGER NOT NULL,
            started_utc {text} NOT NULL, ended_utc {text}, status {text} NOT NULL,
            planned INTEGER NOT NULL, executed INTEGER, skipped INTEGER, busy INTEGER, failed INTEGER);
        {Trials("trials", id, text)}
        CREATE TABLE IF NOT EXISTS folds (
            trial_id BIGINT PRIMARY KEY REFERENCES trials(trial_id), name {text} NOT NULL, test_speakers_json {text} NOT NULL,
            train_count INTEGER NOT NULL, validation_count INTEGER NOT NULL, test_count INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS epochs (
            trial_id BIGINT NOT NULL REFERENCES trials(trial_id), epoch INTEGER NOT NULL,
            learning_rate DOUBLE PRECISION, train_loss DOUBLE PRECISION, train_accuracy DOUBLE PRECISION,
            validation_loss DOUBLE PRECISION, validation_ua DOUBLE PRECISION,
            test_ua DOUBLE PRECISION, test_wa DOUBLE PRECISION, seconds DOUBLE PRECISION,
            PRIMARY KEY (trial_id, epoch));
        CREATE TABLE IF NOT EXISTS search_epochs (
            trial_id BIGINT NOT NULL REFERENCES trials(trial_id), epoch INTEGER NOT NULL,
            learning_rate DOUBLE PRECISION, architecture_updated INTEGER NOT NULL,
            train_loss DOUBLE PRECISION, train_ua DOUBLE PRECISION, validation_loss DOUBLE PRECISION, validation_ua DOUBLE PRECISION,
            normal_entropy DOUBLE PRECISION, reduce_entropy DOUBLE PRECISION, genotype_changes INTEGER NOT NULL,
            operations_json {text} NOT NULL, normal_weights_json {text} NOT NULL, reduce_weights_json {text} NOT NULL,
            normal_skip_count INTEGER NOT NULL, genotype_json {text} NOT NULL, seconds DOUBLE PRECISION,
            PRIMARY KEY (trial_id, epoch));
        CREATE TABLE IF NOT EXISTS metrics (
            trial_id BIGINT PRIMARY KEY REFERENCES trials(trial_id),
            ua DOUBLE PRECISION NOT NULL, wa DOUBLE PRECISION NOT NULL, macro_f1 DOUBLE PRECISION NOT NULL, parameters BIGINT NOT NULL,
            classes_json {text} NOT NULL, search_seconds DOUBLE PRECISION, train_seconds DOUBLE PRECISION, evaluate_seconds DOUBLE PRECISION);
        CREATE TABLE IF NOT EXISTS confusion (
            trial_id BIGINT NOT NULL REFERENCES trials(trial_id), truth INTEGER NOT NULL, predicted INTEGER NOT NULL,
            count INTEGER NOT NULL,
            PRIMARY KEY (trial_id, truth, predicted));
        CREATE TABLE IF NOT EXISTS genotypes (
            trial_id BIGINT PRIMARY KEY REFERENCES trials(trial_id), genotype_json {text} NOT NULL);
        CREATE TABLE IF NOT EXISTS provenance (
            trial_id BIGINT PRIMARY KEY REFERENCES trials(trial_id),
            spec_json {text} NOT NULL, spec_hash {text} NOT NULL, seed INTEGER NOT NULL, corpus_manifest_hash {text},
            library_version {text} NOT NULL, git_commit {text}, device {text} NOT NULL, host {text} NOT NULL,
            started_utc {text} NOT NULL, ended_utc {text} NOT NULL);
        CREATE TABLE IF NOT EXISTS predictions (
            trial_id BIGINT NOT NULL REFERENCES trials(trial_id), ordinal INTEGER NOT NULL, utterance {text} NOT NULL,
            speaker {text} NOT NULL, duration_seconds DOUBLE PRECISION NOT NULL, truth INTEGER NOT NULL, predicted INTEGER NOT NULL,
            PRIMARY KEY (trial_id, ordinal));
        CREATE TABLE IF NOT EXISTS skipped_files (
            trial_id BIGINT NOT NULL REFERENCES trials(trial_id), ordinal INTEGER NOT NULL, path {text} NOT NULL, reason {text} NOT NULL,
            PRIMARY KEY (trial_id, ordinal));
        CREATE TABLE IF NOT EXISTS warnings (
            trial_id BIGINT NOT NULL REFERENCES trials(trial_id), ordinal INTEGER NOT NULL, message {text} NOT NULL,
            PRIMARY KEY (trial_id, ordinal));
        CREATE TABLE IF NOT EXISTS search_repeats (
            trial_id BIGINT PRIMARY KEY REFERENCES trials(trial_id), normal_stability DOUBLE PRECISION,
            reduce_stability DOUBLE PRECISION, chosen INTEGER NOT NULL, repeats_json {text} NOT NULL);
        CREATE INDEX IF NOT EXISTS variants_by_hash ON variants(spec_hash);
        CREATE INDEX IF NOT EXISTS trials_by_status ON trials(status);
        """;

    /// <summary>Tables holding a trial's outcome, cleared before an outcome is (re)written.</summary>
    public static IReadOnlyList<string> OutcomeTables { get; } =
        ["folds", "epochs", "search_epochs", "metrics", "confusion", "genotypes", "provenance", "warnings", "predictions", "skipped_files", "search_repeats"];
}
