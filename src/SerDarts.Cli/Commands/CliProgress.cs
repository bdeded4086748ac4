namespace SerDarts.Cli.Commands;

/// <summary>IProgress that reports on the calling thread (Progress&lt;T&gt; would post to the thread pool,
/// out of order with the console).</summary>
internal sealed class CliProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
