using Microsoft.Data.Sqlite;
using SerDarts.Experiments.Store;

namespace SerDarts.Tests.Experiments;

/// <summary>A SQLite store written by schema 2 (no lease, no 'queued' trials) is upgraded in place, keeping its rows;
/// a schema-1 store (trials of an older spec schema) is refused.</summary>
public class SchemaUpgradeTests
{
    [Fact]
    public void Schema_2_store_is_upgraded_keeping_trials_and_results()
    {
        using var folder = new TempFolder();
        var db = folder.File("v2.db");
        Sql(db, SchemaTwo + """
                INSERT INTO specs VALUES ('h1', 'cnn', '{}');
                INSERT INTO trials VALUES (7, 'h1', 0, 0, 'completed', 1, '/runs/a', NULL, 'host', 1, 't', '2000-01-01T00:00:00Z', NULL, NULL, NULL);
                INSERT INTO trials VALUES (9, 'h1', 1, 0, 'started', 1, '/runs/b', NULL, 'gone-host', 1, 't2', '2000-01-01T00:00:00Z', NULL, NULL, NULL);
                INSERT INTO metrics VALUES (7, 0.5, 0.6, 0.7, 10, '["a"]', 1, 2, 3);
                INSERT INTO provenance VALUES (7, '{}', 'h1', 0, NULL, '0.1.0', NULL, 'cpu', 'host', '2026-01-01T00:00:00Z', '2026-01-01T00:00:01Z');
                PRAGMA user_version = 2;
                """);

        using var store = ResultsStore.Open(db);

        Assert.Equal([(7L, "completed"), (9L, "started")], store.ReadTrials().Select(t => (t.TrialId, t.Status)));
        Assert.Equal(0.5, store.ReadTrialMetrics().Single().UnweightedAccuracy);
        Assert.Equal(new TrialCounts(1, 0, 1, 0), store.ReadTrialCounts()); // the old started trial has no live lease
        var claim = store.ClaimNext([9], new TrialOwner("here", 1, "new"), TimeSpan.FromMinutes(1), _ => "/runs/b").Claim!;
        Assert.Equal((9L, 2, true), (claim.TrialId, claim.Attempt, claim.Resumed));
        Assert.Equal(3L, Sql(db, "PRAGMA user_version;"));
    }

    [Fact]
    public void Schema_1_store_is_refused_naming_the_file()
    {
        using var folder = new TempFolder();
        var db = folder.File("v1.db");
        Sql(db, SchemaTwo + "PRAGMA user_version = 1;");

        var e = Assert.Throws<InvalidDataException>(() => ResultsStore.Open(db));

        Assert.Contains(db, e.Message);
        Assert.Contains("has schema 1", e.Message);
        Assert.Contains("older spec schema", e.Message);
    }

    /// <summary>Runs SQL on the file with SQLite's own driver (not the store's code); returns the first value.</summary>
    private static object? Sql(string db, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={db};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    /// <summary>The tables of schema 2 that the upgrade touches or reads, as SerDarts created them (its trials table is
    /// schema 1's).</summary>
    private const string SchemaTwo = """
        CREATE TABLE specs (spec_hash TEXT PRIMARY KEY, model TEXT NOT NULL, spec_json TEXT NOT NULL);
        CREATE TABLE trials (
            trial_id INTEGER PRIMARY KEY,
            spec_hash TEXT NOT NULL REFERENCES specs(spec_hash), fold INTEGER NOT NULL, seed INTEGER NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('started', 'completed', 'failed', 'interrupted')),
            attempts INTEGER NOT NULL, run_dir TEXT NOT NULL, run_id TEXT,
            owner_host TEXT, owner_pid INTEGER, owner_token TEXT, heartbeat_utc TEXT,
            started_utc TEXT, ended_utc TEXT, error TEXT,
            UNIQUE (spec_hash, fold, seed));
        CREATE TABLE metrics (
            trial_id INTEGER PRIMARY KEY REFERENCES trials(trial_id),
            ua REAL NOT NULL, wa REAL NOT NULL, macro_f1 REAL NOT NULL, parameters INTEGER NOT NULL,
            classes_json TEXT NOT NULL, search_seconds REAL, train_seconds REAL, evaluate_seconds REAL);
        CREATE TABLE provenance (
            trial_id INTEGER PRIMARY KEY REFERENCES trials(trial_id),
            spec_json TEXT NOT NULL, spec_hash TEXT NOT NULL, seed INTEGER NOT NULL, corpus_manifest_hash TEXT,
            library_version TEXT NOT NULL, git_commit TEXT, device TEXT NOT NULL, host TEXT NOT NULL,
            started_utc TEXT NOT NULL, ended_utc TEXT NOT NULL);
        """;
}
