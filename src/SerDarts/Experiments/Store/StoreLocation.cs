using System.Text.RegularExpressions;
using Npgsql;

namespace SerDarts.Experiments.Store;

/// <summary>
/// Where a results store lives: a SQLite file (a path) or a PostgreSQL database (<c>postgres://user:password@host:5432/db</c>
/// or Npgsql's <c>Host=...;Database=...</c> form). The password is kept out of everything this type shows:
/// <see cref="ToString"/> and <see cref="Display"/> name the database without it, and <see cref="WithoutPassword"/> is a
/// store argument other processes can use (they take the password from <c>PGPASSWORD</c> or <c>~/.pgpass</c>).
/// </summary>
public sealed partial class StoreLocation
{
    private readonly string? _connectionString;

    private StoreLocation(string? path, string? connectionString, string display, string withoutPassword, string? password)
    {
        Path = path;
        _connectionString = connectionString;
        Display = display;
        WithoutPassword = withoutPassword;
        Password = password;
    }

    /// <summary>True for PostgreSQL, false for a SQLite file.</summary>
    public bool IsPostgres => _connectionString is not null;

    /// <summary>Absolute path of the SQLite file; null for PostgreSQL.</summary>
    public string? Path { get; }

    /// <summary>The store for people and logs: the file path, or <c>postgres://user@host:port/db</c> (never a password).</summary>
    public string Display { get; }

    /// <summary>The store argument with any password removed.</summary>
    public string WithoutPassword { get; }

    /// <summary>The password given in the store argument, if any (handed to child processes through <c>PGPASSWORD</c>).</summary>
    internal string? Password { get; }

    /// <summary>The full Npgsql connection string (with the password); only the PostgreSQL dialect reads it.</summary>
    internal string ConnectionString => _connectionString ?? throw new InvalidOperationException($"store {Display} is not PostgreSQL");

    public override string ToString() => Display;

    /// <summary>Environment for a process started with <see cref="WithoutPassword"/>: PGPASSWORD when a password was
    /// given (an environment is not on a command line or in a script); empty otherwise.</summary>
    public IReadOnlyDictionary<string, string> PasswordEnvironment() =>
        Password is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["PGPASSWORD"] = Password };

    /// <summary>Reads a <c>--store</c> value: a PostgreSQL URI or connection string, else a SQLite file path.</summary>
    public static StoreLocation Parse(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        if (UriPattern().IsMatch(value)) return Postgres(FromUri(value));
        if (KeyValuePattern().IsMatch(value)) return Postgres(FromKeyValue(value));
        var path = System.IO.Path.GetFullPath(value);
        return new StoreLocation(path, null, path, path, null);
    }

    private static StoreLocation Postgres(NpgsqlConnectionStringBuilder builder)
    {
        if (string.IsNullOrEmpty(builder.Host)) throw new ArgumentException("the PostgreSQL store names no host (postgres://user:password@host:5432/db)");
        if (string.IsNullOrEmpty(builder.Database)) throw new ArgumentException($"the PostgreSQL store on {builder.Host} names no database (postgres://user:password@host:5432/db)");
        var full = builder.ConnectionString;
        var password = builder.Password;
        builder.Remove("Password");
        var display = $"postgres://{(string.IsNullOrEmpty(builder.Username) ? "" : Uri.EscapeDataString(builder.Username) + "@")}{builder.Host}:{builder.Port}/{Uri.EscapeDataString(builder.Database)}"
                      + (string.IsNullOrEmpty(builder.SearchPath) ? "" : "?search_path=" + Uri.EscapeDataString(builder.SearchPath));
        return new StoreLocation(null, full, display, builder.ConnectionString, string.IsNullOrEmpty(password) ? null : password);
    }

    private static NpgsqlConnectionStringBuilder FromKeyValue(string value)
    {
        // Npgsql's own parser; its messages name the bad keyword, never the values.
        try { return new NpgsqlConnectionStringBuilder(value); }
        catch (ArgumentException e) { throw new ArgumentException($"the PostgreSQL connection string is not valid: {e.Message}"); }
    }

    /// <summary>postgres://user:password@host:port/database?sslmode=...&amp;search_path=... as libpq reads it.</summary>
    private static NpgsqlConnectionStringBuilder FromUri(string value)
    {
        if (!System.Uri.TryCreate(value, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
            throw new ArgumentException("the PostgreSQL store is not a valid URI (expected postgres://user:password@host:5432/db)");
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port < 0 ? 5432 : uri.Port,
            Database = System.Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')),
        };
        var user = uri.UserInfo.Split(':', 2);
        if (user[0].Length > 0) builder.Username = System.Uri.UnescapeDataString(user[0]);
        if (user.Length > 1) builder.Password = System.Uri.UnescapeDataString(user[1]);
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var (key, text) = pair.Split('=', 2) is [var k, var v] ? (k, System.Uri.UnescapeDataString(v)) : (pair, "");
            var keyword = key.ToLowerInvariant() switch
            {
                "sslmode" => "SSL Mode",
                "search_path" => "Search Path",
                "application_name" => "Application Name",
                "connect_timeout" => "Timeout",
                _ => throw new ArgumentException($"the PostgreSQL URI parameter '{key}' is not supported (sslmode, search_path, application_name, connect_timeout)"),
            };
            builder[keyword] = keyword == "SSL Mode" ? SslMode(text) : text;
        }
        return builder;
    }

    /// <summary>libpq spells SSL modes in lower case with dashes (verify-full); Npgsql's enum has no dashes.</summary>
    private static string SslMode(string libpq) => libpq.Replace("-", "", StringComparison.Ordinal);

    [GeneratedRegex("^postgres(ql)?://", RegexOptions.IgnoreCase)]
    private static partial Regex UriPattern();

    [GeneratedRegex(@"(^|;)\s*(host|server)\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex KeyValuePattern();
}
