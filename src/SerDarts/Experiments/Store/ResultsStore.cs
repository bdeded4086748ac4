using System.Globalization;
using Microsoft.Data.Sqlite;

namespace SerDarts.Experiments;

/// <summary>
/// The results store: one SQLite file (default <c>runs/results.db</c>) in WAL mode. Every operation opens its
/// own pooled connection and runs in one IMMEDIATE transaction with busy waiting and retry, so runners in
/// several threads or processes can write to the same file at once. Reads return typed rows or
/// Microsoft.Data.Analysis DataFrames (for notebooks).
/// </summary>
public sealed partial class ResultsStore : IDisposable
{
    public const string DefaultFileName = "results.db";

    private readonly string _connectionString;

    private ResultsStore(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = (int)BusyTimeout.TotalSeconds,
        }.ToString();
    }

    /// <summary>Absolute path of the database file.</summary>
    public string Path { get; }

    /// <summary>How long one statement waits for a lock before the whole unit of work is retried.</summary>
    public static TimeSpan BusyTimeout { get; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a unit of work keeps retrying before the error surfaces.</summary>
    public static TimeSpan RetryDeadline { get; } = TimeSpan.FromMinutes(5);

    /// <summary>The default store path under a runs folder.</summary>
    public static string DefaultPath(string runsFolder = "runs") => System.IO.Path.Combine(runsFolder, DefaultFileName);

    /// <summary>Opens (creating if needed) the store at <paramref name="path"/>.</summary>
    public static ResultsStore Open(string path)
    {
        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (folder is not null) Directory.CreateDirectory(folder);
        var store = new ResultsStore(path);
        try { store.CreateSchema(); }
        catch (SqliteException e)
        {
            store.Dispose();
            throw new InvalidDataException($"results store '{path}' cannot be opened: {e.Message}", e);
        }
        return store;
    }

    /// <summary>Opens an existing store; a missing file is an error (for read-only verbs such as results and report).</summary>
    public static ResultsStore OpenExisting(string path) =>
        File.Exists(path) ? Open(path) : throw new FileNotFoundException($"results store '{path}' does not exist (run a spec or a suite first)", path);

    private void CreateSchema()
    {
        Retry(() =>
        {
            using var connection = Connect();
            var version = Convert.ToInt32(Scalar(connection, "PRAGMA user_version;"), CultureInfo.InvariantCulture);
            if (version != 0 && version != StoreSchema.Version)
                throw new InvalidDataException($"results store '{Path}' has schema {version}; this SerDarts reads schema {StoreSchema.Version} " +
                    (version > StoreSchema.Version ? "(upgrade SerDarts)" : "(its trials were run under an older spec schema: use a new runs folder or --store)"));
            Scalar(connection, "PRAGMA journal_mode=WAL;");
            using var tx = connection.BeginTransaction(deferred: false);
            Execute(connection, tx, StoreSchema.Ddl);
            Execute(connection, tx, $"PRAGMA user_version = {StoreSchema.Version};");
            tx.Commit();
            return 0;
        });
    }

    internal SqliteConnection Connect()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        Execute(connection, null, $"PRAGMA busy_timeout = {(int)BusyTimeout.TotalMilliseconds}; PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL;");
        return connection;
    }

    /// <summary>Runs <paramref name="work"/> in one IMMEDIATE transaction, retried as a whole while the database is busy.</summary>
    internal T Write<T>(Func<SqliteConnection, SqliteTransaction, T> work) => Retry(() =>
    {
        using var connection = Connect();
        using var tx = connection.BeginTransaction(deferred: false);
        var result = work(connection, tx);
        tx.Commit();
        return result;
    });

    internal T Read<T>(Func<SqliteConnection, T> work) => Retry(() =>
    {
        using var connection = Connect();
        return work(connection);
    });

    private static T Retry<T>(Func<T> work) => SqliteRetry.Run(work, RetryDeadline);

    internal static int Execute(SqliteConnection connection, SqliteTransaction? tx, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, tx, sql, parameters);
        return command.ExecuteNonQuery();
    }

    internal static object? Scalar(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters) =>
        ScalarIn(connection, null, sql, parameters);

    internal static object? ScalarIn(SqliteConnection connection, SqliteTransaction? tx, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, tx, sql, parameters);
        var value = command.ExecuteScalar();
        return value is DBNull ? null : value;
    }

    internal static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? tx, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }

    internal static string Now() => DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture);

    /// <summary>Closes pooled connections to this file (so that it can be moved or deleted).</summary>
    public void Dispose()
    {
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }
}
