using Microsoft.Data.Sqlite;

namespace SerDarts.Experiments;

/// <summary>
/// Retries a whole unit of work when SQLite reports the database busy or locked. Each connection also waits
/// in SQLite's own busy handler first; this outer loop covers what escapes it (a lock upgrade, a checkpoint,
/// the WAL switch), with jittered exponential back-off up to a deadline, so concurrent writers lose nothing.
/// </summary>
internal static class SqliteRetry
{
    private const int Busy = 5, Locked = 6;

    public static T Run<T>(Func<T> work, TimeSpan deadline)
    {
        var started = Environment.TickCount64;
        var delayMs = 5;
        for (var attempt = 1; ; attempt++)
        {
            try { return work(); }
            catch (SqliteException e) when (e.SqliteErrorCode is Busy or Locked
                                            && Environment.TickCount64 - started < deadline.TotalMilliseconds)
            {
                Thread.Sleep(delayMs + Random.Shared.Next(delayMs));
                delayMs = Math.Min(delayMs * 2, 500);
            }
        }
    }
}
