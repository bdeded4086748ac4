using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace SerDarts.Experiments.Store;

/// <summary>
/// One SQLite file in WAL mode (<c>synchronous=FULL</c>, foreign keys on): the default store of a single machine.
/// Pooled connections; each waits up to <see cref="ResultsStore.BusyTimeout"/> for a lock before the whole unit of
/// work is retried. A small ballast file beside the database (<c>results.db.reserve</c>) keeps room for the last
/// writes of a run whose disk filled up: deleting it lets the store record that a trial failed or was interrupted,
/// so none is left 'started'.
/// </summary>
internal sealed class SqliteDialect(string path) : StoreDialect
{
    private const int Busy = 5, Locked = 6, Full = 13;

    /// <summary>Enough for a few status updates through the WAL (a page and its frame header each).</summary>
    private const int ReserveBytes = 256 * 1024;

    private string ReservePath => path + ".reserve";

    private readonly string _connectionString = new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Pooling = true,
        DefaultTimeout = (int)ResultsStore.BusyTimeout.TotalSeconds,
    }.ToString();

    public override DbConnection Open() => Connect(foreignKeys: true);

    // A table rebuild (the schema upgrade) drops a table others refer to; SQLite ignores this pragma inside a transaction.
    public override DbConnection OpenForSchema()
    {
        var folder = System.IO.Path.GetDirectoryName(path);
        if (folder is not null) Directory.CreateDirectory(folder);
        var connection = Connect(foreignKeys: false);
        ResultsStore.Scalar(connection, "PRAGMA journal_mode=WAL;");
        RestoreReserve();
        return connection;
    }

    private SqliteConnection Connect(bool foreignKeys)
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        ResultsStore.Execute(connection, null,
            $"PRAGMA busy_timeout = {(int)ResultsStore.BusyTimeout.TotalMilliseconds}; PRAGMA foreign_keys = {(foreignKeys ? "ON" : "OFF")}; PRAGMA synchronous = FULL;");
        return connection;
    }

    public override DbTransaction BeginWrite(DbConnection connection) => ((SqliteConnection)connection).BeginTransaction(deferred: false);

    public override bool IsTransient(Exception e) => e is SqliteException { SqliteErrorCode: Busy or Locked };

    public override bool IsDatabaseError(Exception e) => e is SqliteException;

    public override bool ReleaseReserve(Exception e)
    {
        if (e is not SqliteException { SqliteErrorCode: Full } || !File.Exists(ReservePath)) return false;
        File.Delete(ReservePath);
        return true;
    }

    public override void RestoreReserve()
    {
        if (File.Exists(ReservePath)) return;
        try
        {
            using var reserve = new FileStream(ReservePath, FileMode.CreateNew, FileAccess.Write);
            reserve.Write(new byte[ReserveBytes]); // written, not just sized: a sparse file would hold no room
            reserve.Flush(flushToDisk: true);
        }
        catch (IOException)
        {
            try { File.Delete(ReservePath); } catch (IOException) { } // no room yet: try again at the next open
        }
    }

    public override string Ddl { get; } = StoreSchema.Ddl("INTEGER PRIMARY KEY", "TEXT");

    public override int ReadVersion(DbConnection connection, DbTransaction tx) =>
        Convert.ToInt32(ResultsStore.ScalarIn(connection, tx, "PRAGMA user_version;"), CultureInfo.InvariantCulture);

    public override void WriteVersion(DbConnection connection, DbTransaction tx, int version) =>
        ResultsStore.Execute(connection, tx, $"PRAGMA user_version = {version};");

    /// <summary>Schema 2 had no lease or 'queued' status (its trials table is schema 1's). SQLite cannot change a CHECK
    /// constraint in place, so the trials table is rebuilt (SQLite's documented procedure, foreign keys off) keeping
    /// every row and id.</summary>
    public override void Upgrade(DbConnection connection, DbTransaction tx, int from)
    {
        if (from != 2) throw new InvalidDataException($"results store '{path}' has schema {from}, which this SerDarts cannot upgrade");
        const string columns = "trial_id, spec_hash, fold, seed, status, attempts, run_dir, run_id, owner_host, owner_pid, owner_token, heartbeat_utc, started_utc, ended_utc, error";
        ResultsStore.Execute(connection, tx, StoreSchema.Trials("trials_v2", "INTEGER PRIMARY KEY", "TEXT"));
        ResultsStore.Execute(connection, tx, $"""
            INSERT INTO trials_v2 ({columns}, lease_expires_utc) SELECT {columns}, heartbeat_utc FROM trials;
            DROP TABLE trials;
            ALTER TABLE trials_v2 RENAME TO trials;
            """);
        if (ResultsStore.ScalarIn(connection, tx, "PRAGMA foreign_key_check;") is not null)
            throw new InvalidDataException($"results store '{path}': the schema upgrade left rows without their trial");
    }

    public override bool Exists() => File.Exists(path);

    /// <summary>Closes pooled connections to this file (so that it can be moved or deleted).</summary>
    public override void Dispose()
    {
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }
}
