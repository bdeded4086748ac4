using System.Data.Common;
using System.Reflection;
using Microsoft.Data.Sqlite;
using Npgsql;
using SerDarts.Experiments.Store;
using Xunit.Sdk;

namespace SerDarts.Tests.Experiments;

/// <summary>
/// A fresh results store for one test on either engine: a SQLite file in the test's folder, or a PostgreSQL schema
/// of its own in the database <see cref="PostgresVariable"/> names (dropped afterwards). <see cref="Location"/> is
/// the <c>--store</c> argument, so child processes open the same store.
/// </summary>
internal sealed class TestStore : IDisposable
{
    public const string PostgresVariable = "SERDARTS_TEST_POSTGRES";
    public const string Sqlite = "sqlite", Postgres = "postgres";

    private readonly string? _schema;

    private TestStore(string location, string? schema)
    {
        Location = location;
        _schema = schema;
    }

    public string Location { get; }

    public static TestStore Create(string backend, TempFolder folder, string name = "results.db")
    {
        if (backend == Sqlite) return new TestStore(folder.File(name), null);
        var server = Environment.GetEnvironmentVariable(PostgresVariable)
                     ?? throw new InvalidOperationException($"{PostgresVariable} is not set");
        var schema = "test_" + Guid.NewGuid().ToString("N")[..16];
        var builder = new NpgsqlConnectionStringBuilder(StoreLocation.Parse(server).ConnectionString) { SearchPath = schema, Pooling = false };
        using (var connection = new NpgsqlConnection(builder.ConnectionString))
        {
            connection.Open();
            using var create = new NpgsqlCommand($"CREATE SCHEMA {schema};", connection);
            create.ExecuteNonQuery();
        }
        builder.Pooling = true;
        return new TestStore(builder.ConnectionString, schema);
    }

    public ResultsStore Open() => ResultsStore.Open(Location);

    /// <summary>A plain connection of the engine's own driver, independent of the store's code.</summary>
    public DbConnection Connect()
    {
        DbConnection connection = _schema is null
            ? new SqliteConnection($"Data Source={Location};Pooling=False")
            : new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Location) { Pooling = false }.ConnectionString);
        connection.Open();
        return connection;
    }

    public long Count(string sql)
    {
        using var connection = Connect();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar());
    }

    public void Dispose()
    {
        if (_schema is null) return;
        NpgsqlConnection.ClearAllPools();
        using var connection = Connect();
        using var drop = connection.CreateCommand();
        drop.CommandText = $"DROP SCHEMA {_schema} CASCADE;";
        drop.ExecuteNonQuery();
    }
}

/// <summary>The PostgreSQL case of a store theory (<c>[Theory, InlineData(TestStore.Sqlite), PostgresBackend]</c>), skipped
/// with the reason when no server is configured; CI sets <see cref="TestStore.PostgresVariable"/> (.ci/cluster-services).</summary>
[DataDiscoverer("Xunit.Sdk.DataDiscoverer", "xunit.core")]
public sealed class PostgresBackendAttribute : DataAttribute
{
    public override string? Skip
    {
        get => PostgresFactAttribute.Reason;
        set { }
    }

    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [[TestStore.Postgres]];
}

/// <summary>A fact that needs a PostgreSQL server: skipped with the reason when none is configured.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public static string? Reason => string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(TestStore.PostgresVariable))
        ? $"no PostgreSQL server: set {TestStore.PostgresVariable} to a connection string (.ci/cluster-services starts one and sets it)"
        : null;

    public PostgresFactAttribute() => Skip = Reason!;
}
