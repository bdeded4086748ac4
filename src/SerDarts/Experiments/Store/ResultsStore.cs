using System.Data;
using System.Data.Common;
using System.Globalization;

namespace SerDarts.Experiments.Store;

/// <summary>
/// The results store: one SQLite file (default <c>runs/results.db</c>, WAL mode) or a PostgreSQL database shared by
/// workers on many machines, with the same tables and semantics (<see cref="StoreDialect"/> holds what differs).
/// Every operation opens its own pooled connection and runs in one write-locked transaction, retried as a whole
/// while the database reports a transient condition, so runners in several threads, processes or hosts can write
/// at once. Reads return typed rows or Microsoft.Data.Analysis DataFrames (for notebooks).
/// </summary>
public sealed partial class ResultsStore : IDisposable
{
    public const string DefaultFileName = "results.db";

    private readonly StoreDialect _dialect;

    private ResultsStore(StoreLocation location)
    {
        Location = location;
        _dialect = StoreDialect.For(location);
    }

    /// <summary>Where the store lives; its <see cref="StoreLocation.Display"/> never shows a password.</summary>
    public StoreLocation Location { get; }

    /// <summary>The store for messages and reports: the database file's absolute path, or for PostgreSQL
    /// <c>postgres://user@host:port/db</c> without the password.</summary>
    public string Path => Location.Display;

    /// <summary>How long one SQLite statement waits for a lock before the whole unit of work is retried.</summary>
    public static TimeSpan BusyTimeout { get; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a unit of work keeps retrying before the error surfaces.</summary>
    public static TimeSpan RetryDeadline { get; } = TimeSpan.FromMinutes(5);

    /// <summary>How long opening a store keeps retrying (short: a mistyped host should fail soon).</summary>
    public static TimeSpan OpenDeadline { get; } = TimeSpan.FromSeconds(30);

    /// <summary>The default store path under a runs folder.</summary>
    public static string DefaultPath(string runsFolder = "runs") => System.IO.Path.Combine(runsFolder, DefaultFileName);

    /// <summary>Opens (creating or upgrading the schema if needed) the store at <paramref name="location"/>: a SQLite
    /// file path, a <c>postgres://</c> URI or an Npgsql connection string.</summary>
    public static ResultsStore Open(string location) => Open(StoreLocation.Parse(location));

    public static ResultsStore Open(StoreLocation location) => Open(location, OpenDeadline);

    internal static ResultsStore Open(StoreLocation location, TimeSpan openDeadline)
    {
        var store = new ResultsStore(location);
        try { store.CreateSchema(openDeadline); }
        catch (Exception e) when (store._dialect.IsDatabaseError(e) || e is InvalidDataException)
        {
            store.Dispose();
            if (e is InvalidDataException) throw;
            throw new InvalidDataException($"results store '{location.Display}' cannot be opened: {e.Message}", e);
        }
        return store;
    }

    /// <summary>
    /// Runs a small write that records how a trial or run ended. When the disk is full it uses the room kept in
    /// reserve for exactly this (SQLite), so no trial is left 'started' by a run that could not go on.
    /// </summary>
    public void RecordEnd(Action write)
    {
        try { write(); }
        catch (Exception e) when (_dialect.ReleaseReserve(e))
        {
            write();
        }
    }

    /// <summary>Opens an existing store; a missing one is an error (for read-only verbs such as results and report).</summary>
    public static ResultsStore OpenExisting(string location) => OpenExisting(StoreLocation.Parse(location));

    public static ResultsStore OpenExisting(StoreLocation location)
    {
        bool exists;
        using (var dialect = StoreDialect.For(location))
        {
            try { exists = dialect.Exists(); }
            catch (Exception e) when (dialect.IsDatabaseError(e))
            {
                throw new InvalidDataException($"results store '{location.Display}' cannot be opened: {e.Message}", e);
            }
        }
        return exists ? Open(location)
            : throw new FileNotFoundException($"results store '{location.Display}' does not exist (run a spec or a suite first)", location.Display);
    }

    private void CreateSchema(TimeSpan deadline) => StoreRetry.Run(() =>
    {
        using var connection = _dialect.OpenForSchema();
        using var tx = _dialect.BeginWrite(connection);
        var version = _dialect.ReadVersion(connection, tx);
        if (version > StoreSchema.Version || version is > 0 and < StoreSchema.OldestUpgradable)
            throw new InvalidDataException($"results store '{Path}' has schema {version}; this SerDarts reads schema {StoreSchema.Version} " +
                (version > StoreSchema.Version ? "(upgrade SerDarts)" : "(its trials were run under an older spec schema: use a new runs folder or --store)"));
        if (version is > 0 and < StoreSchema.Version) _dialect.Upgrade(connection, tx, version);
        Execute(connection, tx, _dialect.Ddl);
        if (version != StoreSchema.Version) _dialect.WriteVersion(connection, tx, StoreSchema.Version);
        tx.Commit();
        return 0;
    }, _dialect.IsTransient, deadline);

    /// <summary>Runs <paramref name="work"/> in one write-locked transaction, retried as a whole on transient errors.</summary>
    internal T Write<T>(Func<DbConnection, DbTransaction, T> work) => Retry(() =>
    {
        using var connection = _dialect.Open();
        using var tx = _dialect.BeginWrite(connection);
        var result = work(connection, tx);
        tx.Commit();
        return result;
    });

    internal T Read<T>(Func<DbConnection, T> work) => Retry(() =>
    {
        using var connection = _dialect.Open();
        return work(connection);
    });

    private T Retry<T>(Func<T> work) => StoreRetry.Run(work, _dialect.IsTransient, RetryDeadline);

    internal static int Execute(DbConnection connection, DbTransaction? tx, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, tx, sql, parameters);
        return command.ExecuteNonQuery();
    }

    internal static object? Scalar(DbConnection connection, string sql, params (string Name, object? Value)[] parameters) =>
        ScalarIn(connection, null, sql, parameters);

    internal static object? ScalarIn(DbConnection connection, DbTransaction? tx, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, tx, sql, parameters);
        var value = command.ExecuteScalar();
        return value is DBNull ? null : value;
    }

    internal static DbCommand Command(DbConnection connection, DbTransaction? tx, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            SetValue(parameter, value);
            command.Parameters.Add(parameter);
        }
        return command;
    }

    /// <summary>Sets a parameter; a null is typed (text, or the type a <see cref="Null"/> names), because PostgreSQL
    /// cannot infer the type of an untyped null in <c>@p IS NULL</c> or a numeric column.</summary>
    internal static void SetValue(DbParameter parameter, object? value)
    {
        switch (value)
        {
            case null: (parameter.DbType, parameter.Value) = (DbType.String, DBNull.Value); break;
            case Null n: (parameter.DbType, parameter.Value) = (n.Type, DBNull.Value); break;
            default: parameter.Value = value; break;
        }
    }

    /// <summary>A SQL NULL of a given type.</summary>
    internal sealed record Null(DbType Type);

    internal static string Now() => DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture);

    /// <summary>Closes pooled connections (so that a SQLite file can be moved or deleted).</summary>
    public void Dispose() => _dialect.Dispose();
}
