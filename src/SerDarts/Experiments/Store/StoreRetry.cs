namespace SerDarts.Experiments.Store;

/// <summary>
/// Retries a whole unit of work while the database reports a transient condition (SQLite: busy or locked;
/// PostgreSQL: a dropped connection, a serialization failure, a deadlock), with jittered exponential back-off
/// up to a deadline, so concurrent writers lose nothing and a restarted server costs a delay, not a trial.
/// </summary>
internal static class StoreRetry
{
    public static T Run<T>(Func<T> work, Func<Exception, bool> isTransient, TimeSpan deadline)
    {
        var started = Environment.TickCount64;
        var delayMs = 5;
        while (true)
        {
            try { return work(); }
            catch (Exception e) when (isTransient(e) && Environment.TickCount64 - started < deadline.TotalMilliseconds)
            {
                Thread.Sleep(delayMs + Random.Shared.Next(delayMs));
                delayMs = Math.Min(delayMs * 2, 1000);
            }
        }
    }
}
