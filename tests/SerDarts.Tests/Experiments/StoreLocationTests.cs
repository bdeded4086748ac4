using SerDarts.Experiments.Store;

namespace SerDarts.Tests.Experiments;

/// <summary>Reading --store values, and keeping passwords out of everything shown.</summary>
public class StoreLocationTests
{
    private const string Secret = "s3cr:et@pw";

    [Fact]
    public void Postgres_uri_becomes_an_npgsql_connection_and_shows_without_its_password()
    {
        var location = StoreLocation.Parse("postgres://ser%40ver:s3cr%3Aet%40pw@db.example:5433/results?sslmode=require&search_path=paper");

        var builder = new Npgsql.NpgsqlConnectionStringBuilder(location.ConnectionString);
        Assert.True(location.IsPostgres);
        Assert.Equal(("db.example", 5433, "results", "ser@ver", Secret, "paper", Npgsql.SslMode.Require),
            (builder.Host, builder.Port, builder.Database, builder.Username, builder.Password, builder.SearchPath, builder.SslMode));
        Assert.Equal("postgres://ser%40ver@db.example:5433/results?search_path=paper", location.Display);
        Assert.Equal(location.Display, location.ToString());
        Assert.DoesNotContain("s3cr", location.WithoutPassword);
        Assert.Null(new Npgsql.NpgsqlConnectionStringBuilder(location.WithoutPassword).Password);
        Assert.Equal(Secret, location.PasswordEnvironment()["PGPASSWORD"]);
    }

    [Fact]
    public void Npgsql_form_is_postgres_and_a_plain_path_is_a_sqlite_file()
    {
        var postgres = StoreLocation.Parse($"Host=10.0.0.5;Database=serdarts;Username=ser;Password={Secret.Replace(";", "")}");
        var sqlite = StoreLocation.Parse("runs/results.db");

        Assert.Equal("postgres://ser@10.0.0.5:5432/serdarts", postgres.Display);
        Assert.DoesNotContain("s3cr", postgres.WithoutPassword);
        Assert.False(sqlite.IsPostgres);
        Assert.Equal(Path.GetFullPath("runs/results.db"), sqlite.Path);
        Assert.Equal(sqlite.Path, sqlite.Display);
        Assert.Empty(sqlite.PasswordEnvironment());
        Assert.Empty(StoreLocation.Parse("Host=h;Database=d").PasswordEnvironment());
    }

    [Theory]
    [InlineData("postgres://user:s3cr3t@/nodb", "not a valid URI")]
    [InlineData("postgres://user:s3cr3t@host:5432/", "names no database")]
    [InlineData("postgresql://user:s3cr3t@host/db?sslrootcert=x", "'sslrootcert' is not supported")]
    [InlineData("Host=h;Password=s3cr3t;Databse=d", "databse")]
    public void Bad_store_arguments_are_named_without_the_password(string value, string expected)
    {
        var e = Assert.ThrowsAny<ArgumentException>(() => StoreLocation.Parse(value));
        Assert.Contains(expected, e.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("s3cr3t", e.Message);
    }

    [Fact]
    public void Unreachable_server_is_reported_without_the_password()
    {
        var e = Assert.Throws<InvalidDataException>(() =>
            ResultsStore.Open(StoreLocation.Parse("postgres://serdarts:hunter2-secret@127.0.0.1:1/serdarts"), TimeSpan.FromSeconds(1)));

        Assert.Contains("postgres://serdarts@127.0.0.1:1/serdarts", e.Message);
        Assert.DoesNotContain("hunter2", e.ToString());
    }
}
