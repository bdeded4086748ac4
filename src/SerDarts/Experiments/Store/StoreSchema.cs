namespace SerDarts.Experiments;

/// <summary>The results store's tables. Fractions (UA, WA, macro-F1) are stored in [0, 1]; times are ISO 8601 UTC.</summary>
internal static class StoreSchema
{
    /// <summary>2: search diagnostics and per-epoch test scores; 1 stores are refused (their trials were run
    /// under spec schema 1 and cannot be compared with v2 hashes).</summary>
    public const int Version = 2;

    public const string Ddl = """
        CREATE TABLE IF NOT EXISTS specs (
            spec_hash TEXT PRIMARY KEY,
            model TEXT NOT NULL,
            spec_json TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS variants (
            suite TEXT NOT NULL, variant TEXT NOT NULL, factor TEXT NOT NULL, level TEXT NOT NULL,
            ordinal INTEGER NOT NULL, spec_hash TEXT NOT NULL REFERENCES specs(spec_hash),
            registered_utc TEXT NOT NULL,
            PRIMARY KEY (suite, variant));
        CREATE TABLE IF NOT EXISTS runs (
            run_id TEXT PRIMARY KEY, suite TEXT NOT NULL, host TEXT NOT NULL, pid INTEGER NOT NULL,
            started_utc TEXT NOT NULL, ended_utc TEXT, status TEXT NOT NULL,
            planned INTEGER NOT NULL, executed INTEGER, skipped INTEGER, busy INTEGER, failed INTEGER);
        CREATE TABLE IF NOT EXISTS trials (
            trial_id INTEGER PRIMARY KEY,
            spec_hash TEXT NOT NULL REFERENCES specs(spec_hash), fold INTEGER NOT NULL, seed INTEGER NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('started', 'completed', 'failed', 'interrupted')),
            attempts INTEGER NOT NULL, run_dir TEXT NOT NULL, run_id TEXT,
            owner_host TEXT, owner_pid INTEGER, owner_token TEXT, heartbeat_utc TEXT,
            started_utc TEXT, ended_utc TEXT, error TEXT,
            UNIQUE (spec_hash, fold, seed));
        CREATE TABLE IF NOT EXISTS folds (
            trial_id INTEGER PRIMARY KEY REFERENCES trials(trial_id), name TEXT NOT NULL, test_speakers_json TEXT NOT NULL,
            train_count INTEGER NOT NULL, validation_count INTEGER NOT NULL, test_count INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS epochs (
            trial_id INTEGER NOT NULL REFERENCES trials(trial_id), epoch INTEGER NOT NULL,
            learning_rate REAL, train_loss REAL, train_accuracy REAL, validation_loss REAL, validation_ua REAL,
            test_ua REAL, test_wa REAL, seconds REAL,
            PRIMARY KEY (trial_id, epoch));
        CREATE TABLE IF NOT EXISTS search_epochs (
            trial_id INTEGER NOT NULL REFERENCES trials(trial_id), epoch INTEGER NOT NULL,
            learning_rate REAL, architecture_updated INTEGER NOT NULL,
            train_loss REAL, train_ua REAL, validation_loss REAL, validation_ua REAL,
            normal_entropy REAL, reduce_entropy REAL, genotype_changes INTEGER NOT NULL,
            operations_json TEXT NOT NULL, normal_weights_json TEXT NOT NULL, reduce_weights_json TEXT NOT NULL,
            normal_skip_count INTEGER NOT NULL, genotype_json TEXT NOT NULL, seconds REAL,
            PRIMARY KEY (trial_id, epoch));
        CREATE TABLE IF NOT EXISTS metrics (
            trial_id INTEGER PRIMARY KEY REFERENCES trials(trial_id),
            ua REAL NOT NULL, wa REAL NOT NULL, macro_f1 REAL NOT NULL, parameters INTEGER NOT NULL,
            classes_json TEXT NOT NULL, search_seconds REAL, train_seconds REAL, evaluate_seconds REAL);
        CREATE TABLE IF NOT EXISTS confusion (
            trial_id INTEGER NOT NULL REFERENCES trials(trial_id), truth INTEGER NOT NULL, predicted INTEGER NOT NULL,
            count INTEGER NOT NULL,
            PRIMARY KEY (trial_id, truth, predicted));
        CREATE TABLE IF NOT EXISTS genotypes (
            trial_id INTEGER PRIMARY KEY REFERENCES trials(trial_id), genotype_json TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS provenance (
            trial_id INTEGER PRIMARY KEY REFERENCES trials(trial_id),
            spec_json TEXT NOT NULL, spec_hash TEXT NOT NULL, seed INTEGER NOT NULL, corpus_manifest_hash TEXT,
            library_version TEXT NOT NULL, git_commit TEXT, device TEXT NOT NULL, host TEXT NOT NULL,
            started_utc TEXT NOT NULL, ended_utc TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS warnings (
            trial_id INTEGER NOT NULL REFERENCES trials(trial_id), ordinal INTEGER NOT NULL, message TEXT NOT NULL,
            PRIMARY KEY (trial_id, ordinal));
        CREATE INDEX IF NOT EXISTS variants_by_hash ON variants(spec_hash);
        """;

    /// <summary>Tables holding a trial's outcome, cleared before an outcome is (re)written.</summary>
    public static IReadOnlyList<string> OutcomeTables { get; } =
        ["folds", "epochs", "search_epochs", "metrics", "confusion", "genotypes", "provenance", "warnings"];
}
