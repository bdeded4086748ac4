using System.Data.Common;

namespace SerDarts.Experiments.Store;

/// <summary>
/// What differs between the store's two databases; everything else (queries, tables, semantics) is shared.
/// Queries use <c>@name</c> parameters and SQL both engines accept (<c>ON CONFLICT</c>, <c>RETURNING</c>).
/// Write transactions are serialized on both: SQLite's <c>BEGIN IMMEDIATE</c> takes the file's write lock, and
/// PostgreSQL takes one transaction-scoped advisory lock first, so a claim's read-then-update is atomic on both
/// without serialization-failure retries.
/// </summary>
internal abstract class StoreDialect : IDisposable
{
    public static StoreDialect For(StoreLocation location) =>
        location.IsPostgres ? new PostgresDialect(location) : new SqliteDialect(location.Path!);

    /// <summary>An open connection for reads and writes.</summary>
    public abstract DbConnection Open();

    /// <summary>An open connection for creating or upgrading the schema (SQLite: with foreign keys off, so that a
    /// table can be rebuilt).</summary>
    public virtual DbConnection OpenForSchema() => Open();

    /// <summary>Begins a transaction that holds the store's write lock until it ends.</summary>
    public abstract DbTransaction BeginWrite(DbConnection connection);

    public abstract bool IsTransient(Exception e);

    /// <summary>True when <paramref name="e"/> comes from the database (not from SerDarts' own checks).</summary>
    public abstract bool IsDatabaseError(Exception e);

    /// <summary>Makes room for a small write after the disk filled up (see <see cref="SqliteDialect"/>); false when
    /// there is none to make (a server's disk is not SerDarts' to free).</summary>
    public virtual bool ReleaseReserve(Exception e) => false;

    /// <summary>Puts the room released by <see cref="ReleaseReserve"/> back, if the disk has it again.</summary>
    public virtual void RestoreReserve() { }

    /// <summary>The schema text with this engine's identity column and text collation.</summary>
    public abstract string Ddl { get; }

    /// <summary>The schema version stored in the database; 0 for an empty one.</summary>
    public abstract int ReadVersion(DbConnection connection, DbTransaction tx);

    public abstract void WriteVersion(DbConnection connection, DbTransaction tx, int version);

    /// <summary>Upgrades a store of an older schema version to <see cref="StoreSchema.Version"/>.</summary>
    public abstract void Upgrade(DbConnection connection, DbTransaction tx, int from);

    /// <summary>Whether the store already has tables (for read-only verbs, which must not create one).</summary>
    public abstract bool Exists();

    public abstract void Dispose();
}
